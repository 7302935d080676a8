# Sourced by .ci/run: a throwaway Redis on 127.0.0.1:6379 (no persistence) for the distributed-mode tests.
if command -v redis-server >/dev/null 2>&1; then
    if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
        redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
    fi
    for _ in $(seq 1 50); do
        redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG && break
        sleep 0.1
    done
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null || echo "redis.sh: redis-server did not answer on 127.0.0.1:6379" >&2
else
    echo "redis.sh: redis-server not installed; the distributed-mode tests will skip" >&2
fi
