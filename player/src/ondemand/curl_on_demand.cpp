// The libcurl functions keiji calls, each handed to libcurl opened on first use (see
// shared_library.hpp). Without libcurl they fail the way libcurl reports a failure.
#include <curl/curl.h>

#include <cstdarg>

#include "ondemand/shared_library.hpp"

// curl.h declares the variadic functions after an enum (CURLoption, CURLINFO), whose values
// are ints; clang warns that an enum before "..." could be promoted. It is an int here, as in
// libcurl's own definitions of the same functions.
#ifdef __clang__
#pragma clang diagnostic ignored "-Wvarargs"
#endif

namespace {

template <typename Function>
Function* real(const char* name) {
    return keiji::ondemand::curl_library().function<Function>(name);
}

}  // namespace

KEIJI_ON_DEMAND CURL*(curl_easy_init)() {
    static auto* const function = real<decltype(curl_easy_init)>("curl_easy_init");
    return function != nullptr ? function() : nullptr;
}

// libcurl reads its one argument as the option's number range says (curl/curl.h: CURLOPTTYPE).
KEIJI_ON_DEMAND CURLcode(curl_easy_setopt)(CURL* handle, CURLoption option, ...) {
    static auto* const function = real<decltype(curl_easy_setopt)>("curl_easy_setopt");
    if (function == nullptr) {
        return CURLE_FAILED_INIT;
    }
    va_list arguments;
    va_start(arguments, option);
    CURLcode result = CURLE_FAILED_INIT;
    if (option < CURLOPTTYPE_OBJECTPOINT) {
        result = function(handle, option, va_arg(arguments, long));
    } else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
        result = function(handle, option, va_arg(arguments, void*));
    } else if (option < CURLOPTTYPE_OFF_T) {
        using AnyFunction = void (*)();
        result = function(handle, option, va_arg(arguments, AnyFunction));
    } else if (option < CURLOPTTYPE_BLOB) {
        result = function(handle, option, va_arg(arguments, curl_off_t));
    } else {
        result = function(handle, option, va_arg(arguments, void*));
    }
    va_end(arguments);
    return result;
}

KEIJI_ON_DEMAND CURLcode(curl_easy_perform)(CURL* handle) {
    static auto* const function = real<decltype(curl_easy_perform)>("curl_easy_perform");
    return function != nullptr ? function(handle) : CURLE_FAILED_INIT;
}

// Every CURLINFO takes one pointer to where the answer goes.
KEIJI_ON_DEMAND CURLcode(curl_easy_getinfo)(CURL* handle, CURLINFO info, ...) {
    static auto* const function = real<decltype(curl_easy_getinfo)>("curl_easy_getinfo");
    if (function == nullptr) {
        return CURLE_FAILED_INIT;
    }
    va_list arguments;
    va_start(arguments, info);
    const CURLcode result = function(handle, info, va_arg(arguments, void*));
    va_end(arguments);
    return result;
}

KEIJI_ON_DEMAND void(curl_easy_cleanup)(CURL* handle) {
    static auto* const function = real<decltype(curl_easy_cleanup)>("curl_easy_cleanup");
    if (function != nullptr) {
        function(handle);
    }
}

KEIJI_ON_DEMAND void(curl_easy_reset)(CURL* handle) {
    static auto* const function = real<decltype(curl_easy_reset)>("curl_easy_reset");
    if (function != nullptr) {
        function(handle);
    }
}

KEIJI_ON_DEMAND const char*(curl_easy_strerror)(CURLcode code) {
    static auto* const function = real<decltype(curl_easy_strerror)>("curl_easy_strerror");
    return function != nullptr ? function(code) : "libcurl (Debian's libcurl4) is not installed";
}

KEIJI_ON_DEMAND curl_slist*(curl_slist_append)(curl_slist* list, const char* text) {
    static auto* const function = real<decltype(curl_slist_append)>("curl_slist_append");
    return function != nullptr ? function(list, text) : nullptr;
}

KEIJI_ON_DEMAND void(curl_slist_free_all)(curl_slist* list) {
    static auto* const function = real<decltype(curl_slist_free_all)>("curl_slist_free_all");
    if (function != nullptr) {
        function(list);
    }
}

KEIJI_ON_DEMAND CURLU*(curl_url)() {
    static auto* const function = real<decltype(curl_url)>("curl_url");
    return function != nullptr ? function() : nullptr;
}

KEIJI_ON_DEMAND void(curl_url_cleanup)(CURLU* url) {
    static auto* const function = real<decltype(curl_url_cleanup)>("curl_url_cleanup");
    if (function != nullptr) {
        function(url);
    }
}

KEIJI_ON_DEMAND CURLUcode(curl_url_set)(CURLU* url, CURLUPart what, const char* part,
                                        unsigned int flags) {
    static auto* const function = real<decltype(curl_url_set)>("curl_url_set");
    return function != nullptr ? function(url, what, part, flags) : CURLUE_BAD_HANDLE;
}

KEIJI_ON_DEMAND CURLUcode(curl_url_get)(CURLU* url, CURLUPart what, char** part,
                                        unsigned int flags) {
    static auto* const function = real<decltype(curl_url_get)>("curl_url_get");
    return function != nullptr ? function(url, what, part, flags) : CURLUE_BAD_HANDLE;
}

KEIJI_ON_DEMAND void(curl_free)(void* pointer) {
    static auto* const function = real<decltype(curl_free)>("curl_free");
    if (function != nullptr) {
        function(pointer);
    }
}

KEIJI_ON_DEMAND time_t(curl_getdate)(const char* text, const time_t* unused) {
    static auto* const function = real<decltype(curl_getdate)>("curl_getdate");
    return function != nullptr ? function(text, unused) : time_t(-1);
}
