#!/usr/bin/env bash
# The SSH benchmark (BENCHMARKS.md, "SSH path"): OpenSSH direct, OpenSSH ssh -J through a second sshd, and the
# same client through otbroker's front door, in one run. Builds what it needs, starts two sshds, Keycloak and the
# packaged broker on loopback, measures, prints the report and stops everything.
#
#   bench/ssh/run.sh                              the full run (1 GiB each way in 5 rounds after a 256 MiB warm-up, 1,000 keystrokes after 5,000, 20 setups, 1,000 idle)
#   bench/ssh/run.sh bytes=67108864 idle=50       a quick one
#   SKIP_BUILD=1 bench/ssh/run.sh                 without building first (the broker and the harness are built)
#   BENCH_BROKER_JAVA_OPTS="-XX:StartFlightRecording=filename=broker.jfr" bench/ssh/run.sh    the broker profiled
#
# Needs: a JDK >= 21, the OpenSSH client and server (/usr/sbin/sshd; it is started here, never as a service).
set -euo pipefail
cd "$(dirname "$0")/../.."

for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] \
     && [ "$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')" -ge 21 ]; then
    export JAVA_HOME="$candidate"; break
  fi
done
[ -n "${JAVA_HOME:-}" ] || { echo "The benchmark needs a JDK 21 or newer: set JAVA_HOME to one." >&2; exit 1; }
[ -x /usr/sbin/sshd ] || { echo "/usr/sbin/sshd is missing: install openssh-server." >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "==> Building the broker and the harness ..." >&2
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -f bench/pom.xml package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
exec "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.otbroker.bench.ssh.SshBench "$@"
