// The studio's HTTP API (studio/API.md): JSON both ways, the session cookie, and the CSRF token on
// every change. Errors become ApiError with the server's {"en","ja"} message.

let csrfToken = '';

export function setCsrf(token) {
  csrfToken = token || '';
}

export class ApiError extends Error {
  constructor(status, data, headers) {
    const message = data && data.error ? data.error : null;
    super(message ? message.en || message.ja : `HTTP ${status}`);
    this.status = status;
    this.data = data || {};
    this.headers = headers;
    this.serverMessage = message; // {"en","ja"} or null
  }
}

// Called when the session has ended (401): the app sends the user to the login page.
let onSignedOut = null;
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('application/json')) {
    return {};
  }
  try {
    return await response.json();
  } catch {
    return {};
  }
}

// api('GET', '/api/me') → the answer's JSON; throws ApiError on 4xx/5xx.
export async function api(method, path, body, options = {}) {
  const headers = {Accept: 'application/json'};
  const init = {method, headers, credentials: 'same-origin', cache: 'no-store'};
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-CSRF-Token'] = csrfToken;
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  if (options.signal) {
    init.signal = options.signal;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, {error: {
      en: 'the studio cannot be reached; check the network and try again',
      ja: 'スタジオに接続できません。ネットワークを確かめて、もう一度お試しください',
    }});
  }
  const data = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && !options.allowSignedOut && onSignedOut) {
      onSignedOut();
    }
    throw new ApiError(response.status, data, response.headers);
  }
  return data;
}

// A photo or film as multipart/form-data, field "file" (the browser sets the boundary).
// XMLHttpRequest rather than fetch: it tells how much of a big film has gone, for
// onProgress(fraction from 0 to 1).
export function upload(file, {onProgress} = {}) {
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/uploads');
    request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.setRequestHeader('Accept', 'application/json');
    if (onProgress) {
      request.upload.addEventListener('progress', (event) => {
        if (event.lengthComputable && event.total > 0) {
          onProgress(event.loaded / event.total);
        }
      });
    }
    request.addEventListener('load', () => {
      let data = {};
      if ((request.getResponseHeader('Content-Type') || '').includes('application/json')) {
        try {
          data = JSON.parse(request.responseText);
        } catch {
          data = {};
        }
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(data);
        return;
      }
      if (request.status === 401 && onSignedOut) {
        onSignedOut();
      }
      reject(new ApiError(request.status, data, null));
    });
    request.addEventListener('error', () => {
      reject(new ApiError(0, {error: {
        en: 'the studio cannot be reached; check the network and try again',
        ja: 'スタジオに接続できません。ネットワークを確かめて、もう一度お試しください',
      }}));
    });
    request.send(form);
  });
}
