# What the broker tests (fleet_test.sh, flood_test.sh) share. Source it after setting
# `test_name` and `fail_logs` (the files whose ends a failure prints), in the work folder.
pids=()  # Killed and waited for on exit: the broker, the players, the studio.
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; }
trap cleanup EXIT
# Says why, shows the logs, says why again (the last line is what CI shows), and stops.
fail() {
    echo "FAIL ($test_name): $*"
    for f in "${fail_logs[@]}"; do [[ -f $f ]] && { echo "--- $f"; tail -30 "$f"; }; done
    echo "FAIL ($test_name): $*"
    exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits up to 5 s for something to listen on 127.0.0.1:PORT.
wait_for_port() {
    for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return 0; sleep 0.1; done
    return 1
}
# Starts mosquitto for anonymous clients on a free loopback port, with any further configuration
# lines given as arguments; sets `port`, `url` and `broker` (its pid).
start_open_broker() {
    port=$(free_port)
    {
        echo "per_listener_settings false"
        echo "user $(id -un)"
        echo "allow_anonymous true"
        echo "persistence false"
        printf '%s\n' "$@"
        echo "listener $port 127.0.0.1"
    } > mosquitto.conf
    /usr/sbin/mosquitto -c mosquitto.conf > broker.log 2>&1 &
    broker=$!
    pids+=($broker)
    wait_for_port "$port" || fail "mosquitto did not start: $(cat broker.log)"
    url="mqtt://127.0.0.1:$port"
}
