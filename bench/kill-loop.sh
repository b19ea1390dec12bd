#!/usr/bin/env bash
# Kill loop: does an acknowledged write survive the app being killed, and does a cluster outlive the app?
#   bench/kill-loop.sh <path/to/Promptmark.Api.dll>      (./build.sh --target=KillLoop builds and runs it)
# Starts the app on 127.0.0.1 with its own embedded PostgreSQL in a temporary data directory, runs 4 concurrent
# writers that create prompts over REST with an API key and record every id answered with 201, SIGKILLs the app
# KILLS times (default 50) at random moments while they write, restarting it each time, then reads every
# acknowledged prompt back, stops the app gracefully and checks that no PostgreSQL server is left running on the
# data directory. Bounded by DEADLINE_SECONDS (default 1800). Exit status 0 only for 0 lost and 0 clusters left.
set -euo pipefail

dll="$(realpath "${1:?usage: kill-loop.sh path/to/Promptmark.Api.dll}")"
kills="${KILLS:-50}"
writers=4
deadline=$((SECONDS + ${DEADLINE_SECONDS:-1800}))
start_timeout=180

work="$(mktemp -d)"
chmod 711 "$work" # the cluster runs as the postgres user when we are root
data="$work/data"
cluster="$data/postgres"
app_pid=""

log() { echo "[kill-loop $(date +%T)] $*"; }

postmaster_running() { pgrep -f -- "postgres -D $cluster\$" >/dev/null; }

cleanup() {
  touch "$work/stop"
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then kill -KILL "$app_pid"; fi
  wait 2>/dev/null || true
  if postmaster_running; then
    local pg_ctl=(/usr/lib/postgresql/*/bin/pg_ctl)
    if [[ $(id -u) -eq 0 ]]; then setpriv --reuid=postgres --regid=postgres --init-groups -- "${pg_ctl[-1]}" -D "$cluster" -m fast stop >/dev/null || true
    else "${pg_ctl[-1]}" -D "$cluster" -m fast stop >/dev/null || true; fi
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts the app on $url (port 0 the first time: Kestrel picks one, read back from the log); waits for /health.
start_app() {
  local listen="${url:-http://127.0.0.1:0}"
  : >"$work/app.log"
  ASPNETCORE_ENVIRONMENT=Development Promptmark__DataDirectory="$data" ConnectionStrings__Promptmark="" \
    dotnet "$dll" --urls "$listen" >>"$work/app.log" 2>&1 &
  app_pid=$!
  local until=$((SECONDS + start_timeout))
  while [[ -z ${url:-} ]]; do
    url="$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/app.log" | head -n 1 | sed 's/Now listening on: //')" || true
    [[ $SECONDS -lt $until ]] && kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log"; log "the app did not start"; exit 1; }
    sleep 0.2
  done
  until curl -fs --max-time 5 "$url/health" >/dev/null; do
    [[ $SECONDS -lt $until ]] && kill -0 "$app_pid" 2>/dev/null || { tail -n 30 "$work/app.log"; log "the app did not become healthy"; exit 1; }
    sleep 0.2
  done
}

json() { curl -fs --max-time 30 -H 'Content-Type: application/json' "$@"; }

# Writes acknowledged so far (0 before the first: no acked.<n> file yet, which pipefail would count as a failure).
acked_count() { cat "$work"/acked.* 2>/dev/null | wc -l || true; }

# Creates prompts until told to stop; every id answered with 201 goes to acked.<n> as "id title".
writer() {
  local n=$1 i=0 body status
  while [[ ! -e $work/stop ]]; do
    i=$((i + 1))
    body="$work/response.$n"
    status="$(curl -s -o "$body" -w '%{http_code}' --max-time 30 -X POST "$url/api/prompts" \
      -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
      -d "{\"title\":\"writer $n write $i\",\"prompt\":\"Written by the kill loop: writer $n, write $i.\"}")" || true
    if [[ $status == 201 ]]; then
      echo "$(jq -r .id "$body") writer $n write $i" >>"$work/acked.$n"
    else
      sleep 0.05 # the app is down or restarting
    fi
  done
}

log "app: $dll; data directory: $data"
mkdir -p "$data"
start_app
log "listening on $url"
json -X POST "$url/api/auth/register" -d '{"email":"kill-loop@example.com","password":"kill-loop-password"}' >/dev/null
token="$(json -X POST "$url/api/auth/login" -d '{"email":"kill-loop@example.com","password":"kill-loop-password"}' | jq -r .token)"
key="$(json -X POST "$url/api/keys" -H "Authorization: Bearer $token" -d '{"name":"kill loop"}' | jq -r .key)"

for n in $(seq 1 "$writers"); do writer "$n" & done

done_kills=0
while [[ $done_kills -lt $kills && $SECONDS -lt $deadline ]]; do
  # Kill while the writers are at it: once a write has been acknowledged since the restart, at a random moment
  # in the next 2 s.
  acked_before=$(acked_count)
  until [[ $(acked_count) -gt $acked_before || $SECONDS -ge $deadline ]]; do sleep 0.1; done
  sleep "$((RANDOM % 2)).$((RANDOM % 10))"
  kill -KILL "$app_pid"
  wait "$app_pid" 2>/dev/null || true
  done_kills=$((done_kills + 1))
  start_app
  ((done_kills % 10 == 0)) && log "$done_kills kills"
done

touch "$work/stop"
for job in $(jobs -p); do [[ $job == "$app_pid" ]] || wait "$job"; done

acked=0 lost=0
while read -r id title; do
  acked=$((acked + 1))
  stored="$(curl -fs --max-time 30 -H "Authorization: Bearer $key" "$url/api/prompts/$id" | jq -r .title)" || stored=""
  if [[ $stored != "$title" ]]; then
    lost=$((lost + 1))
    log "lost: $id ($title)"
  fi
done < <(cat "$work"/acked.* 2>/dev/null)

kill -TERM "$app_pid"
wait "$app_pid" || true
app_pid=""
clusters_left=0
if postmaster_running || [[ -e $cluster/postmaster.pid ]]; then clusters_left=1; fi

log "done in ${SECONDS} s"
echo "kills: $done_kills (of $kills), acknowledged writes: $acked, lost: $lost, clusters left: $clusters_left"
[[ $done_kills -eq $kills && $lost -eq 0 && $clusters_left -eq 0 ]]
