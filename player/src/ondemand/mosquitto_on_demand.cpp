// The libmosquitto functions keiji calls, each handed to libmosquitto opened on first use (see
// shared_library.hpp). Without it they fail as libmosquitto reports a failure.
#include <mosquitto.h>

#include <cerrno>

#include "ondemand/shared_library.hpp"

namespace {

template <typename Function>
Function* real(const char* name) {
    return keiji::ondemand::mosquitto_library().function<Function>(name);
}

// A call that answers with a MOSQ_ERR code: MOSQ_ERR_NOT_SUPPORTED without the library.
template <typename Function, typename... Arguments>
int call(const char* name, Arguments... arguments) {
    Function* function = real<Function>(name);
    return function != nullptr ? function(arguments...) : MOSQ_ERR_NOT_SUPPORTED;
}

// A call that answers nothing: nothing to do without the library.
template <typename Function, typename... Arguments>
void call_void(const char* name, Arguments... arguments) {
    if (Function* function = real<Function>(name)) {
        function(arguments...);
    }
}

}  // namespace

KEIJI_ON_DEMAND int(mosquitto_lib_init)() {
    return call<decltype(mosquitto_lib_init)>("mosquitto_lib_init");
}

KEIJI_ON_DEMAND mosquitto*(mosquitto_new)(const char* id, bool clean_session, void* object) {
    auto* function = real<decltype(mosquitto_new)>("mosquitto_new");
    if (function == nullptr) {
        errno = ENOSYS;
        return nullptr;
    }
    return function(id, clean_session, object);
}

KEIJI_ON_DEMAND void(mosquitto_destroy)(mosquitto* client) {
    call_void<decltype(mosquitto_destroy)>("mosquitto_destroy", client);
}

KEIJI_ON_DEMAND int(mosquitto_connect)(mosquitto* client, const char* host, int port,
                                       int keepalive) {
    return call<decltype(mosquitto_connect)>("mosquitto_connect", client, host, port, keepalive);
}

KEIJI_ON_DEMAND int(mosquitto_connect_async)(mosquitto* client, const char* host, int port,
                                             int keepalive) {
    return call<decltype(mosquitto_connect_async)>("mosquitto_connect_async", client, host, port,
                                                   keepalive);
}

KEIJI_ON_DEMAND int(mosquitto_disconnect)(mosquitto* client) {
    return call<decltype(mosquitto_disconnect)>("mosquitto_disconnect", client);
}

KEIJI_ON_DEMAND int(mosquitto_publish)(mosquitto* client, int* id, const char* topic,
                                       int payload_length, const void* payload, int qos,
                                       bool retain) {
    return call<decltype(mosquitto_publish)>("mosquitto_publish", client, id, topic, payload_length,
                                             payload, qos, retain);
}

KEIJI_ON_DEMAND int(mosquitto_subscribe)(mosquitto* client, int* id, const char* pattern, int qos) {
    return call<decltype(mosquitto_subscribe)>("mosquitto_subscribe", client, id, pattern, qos);
}

KEIJI_ON_DEMAND int(mosquitto_loop_start)(mosquitto* client) {
    return call<decltype(mosquitto_loop_start)>("mosquitto_loop_start", client);
}

KEIJI_ON_DEMAND int(mosquitto_loop_stop)(mosquitto* client, bool force) {
    return call<decltype(mosquitto_loop_stop)>("mosquitto_loop_stop", client, force);
}

KEIJI_ON_DEMAND int(mosquitto_loop)(mosquitto* client, int timeout, int max_packets) {
    return call<decltype(mosquitto_loop)>("mosquitto_loop", client, timeout, max_packets);
}

KEIJI_ON_DEMAND int(mosquitto_reconnect_delay_set)(mosquitto* client, unsigned int delay,
                                                   unsigned int delay_max, bool exponential) {
    return call<decltype(mosquitto_reconnect_delay_set)>("mosquitto_reconnect_delay_set", client,
                                                         delay, delay_max, exponential);
}

KEIJI_ON_DEMAND void(mosquitto_connect_callback_set)(mosquitto* client,
                                                     void (*on_connect)(mosquitto*, void*, int)) {
    call_void<decltype(mosquitto_connect_callback_set)>("mosquitto_connect_callback_set", client,
                                                        on_connect);
}

KEIJI_ON_DEMAND void(mosquitto_disconnect_callback_set)(mosquitto* client,
                                                        void (*on_disconnect)(mosquitto*, void*,
                                                                              int)) {
    call_void<decltype(mosquitto_disconnect_callback_set)>("mosquitto_disconnect_callback_set",
                                                           client, on_disconnect);
}

KEIJI_ON_DEMAND void(mosquitto_publish_callback_set)(mosquitto* client,
                                                     void (*on_publish)(mosquitto*, void*, int)) {
    call_void<decltype(mosquitto_publish_callback_set)>("mosquitto_publish_callback_set", client,
                                                        on_publish);
}

KEIJI_ON_DEMAND void(mosquitto_subscribe_callback_set)(mosquitto* client,
                                                       void (*on_subscribe)(mosquitto*, void*, int,
                                                                            int, const int*)) {
    call_void<decltype(mosquitto_subscribe_callback_set)>("mosquitto_subscribe_callback_set",
                                                          client, on_subscribe);
}

KEIJI_ON_DEMAND void(mosquitto_message_callback_set)(mosquitto* client,
                                                     void (*on_message)(mosquitto*, void*,
                                                                        const mosquitto_message*)) {
    call_void<decltype(mosquitto_message_callback_set)>("mosquitto_message_callback_set", client,
                                                        on_message);
}

KEIJI_ON_DEMAND const char*(mosquitto_strerror)(int code) {
    auto* function = real<decltype(mosquitto_strerror)>("mosquitto_strerror");
    return function != nullptr ? function(code)
                               : "libmosquitto (Debian's libmosquitto1) is not installed";
}

KEIJI_ON_DEMAND const char*(mosquitto_connack_string)(int code) {
    auto* function = real<decltype(mosquitto_connack_string)>("mosquitto_connack_string");
    return function != nullptr ? function(code) : "unknown (libmosquitto is not installed)";
}

KEIJI_ON_DEMAND int(mosquitto_username_pw_set)(mosquitto* client, const char* username,
                                               const char* password) {
    return call<decltype(mosquitto_username_pw_set)>("mosquitto_username_pw_set", client, username,
                                                     password);
}

KEIJI_ON_DEMAND int(mosquitto_tls_set)(mosquitto* client, const char* ca_file, const char* ca_path,
                                       const char* cert_file, const char* key_file,
                                       int (*pw_callback)(char*, int, int, void*)) {
    return call<decltype(mosquitto_tls_set)>("mosquitto_tls_set", client, ca_file, ca_path,
                                             cert_file, key_file, pw_callback);
}

KEIJI_ON_DEMAND int(mosquitto_will_set)(mosquitto* client, const char* topic, int payload_length,
                                        const void* payload, int qos, bool retain) {
    return call<decltype(mosquitto_will_set)>("mosquitto_will_set", client, topic, payload_length,
                                              payload, qos, retain);
}
