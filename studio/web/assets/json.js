// Items as values: compared by their canonical text, copied deeply before an edit.

// JSON with its keys sorted: two items are the same when these are equal.
export function canonical(value) {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function copy(value) {
  return JSON.parse(JSON.stringify(value));
}
