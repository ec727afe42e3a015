# Sourced by ./segue, .ci/run and tools/*/run: sets JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME, then `java` on PATH, then the newest /usr/lib/jvm/*. Exits 2 with a message if none fits.

segue_min_java=21

segue_java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version "/ { print $2; exit }' | sed -E 's/^([0-9]+).*/\1/'
}

segue_java_usable() {
  local v
  [[ -x "$1" ]] || return 1
  v="$(segue_java_major "$1")"
  [[ "$v" =~ ^[0-9]+$ ]] && (( v >= segue_min_java ))
}

segue_select_jdk() {
  local java_bin="" best=0 candidate v
  if [[ -n "${JAVA_HOME:-}" ]] && segue_java_usable "$JAVA_HOME/bin/java"; then
    java_bin="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null && segue_java_usable "$(command -v java)"; then
    java_bin="$(readlink -f "$(command -v java)")"
  else
    for candidate in /usr/lib/jvm/*/bin/java; do
      segue_java_usable "$candidate" || continue
      v="$(segue_java_major "$candidate")"
      if (( v > best )); then best=$v; java_bin="$candidate"; fi
    done
  fi
  if [[ -z "$java_bin" ]]; then
    echo "segue: needs a JDK $segue_min_java or newer (checked \$JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
    echo "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME." >&2
    exit 2
  fi
  JAVA_HOME="$(cd "$(dirname "$java_bin")/.." && pwd)"
  export JAVA_HOME
}
