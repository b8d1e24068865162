#!/bin/sh
# Makes a Java runtime holding only the modules a jar uses, for the container image.
#
#   jlink.sh JAR OUTPUT_DIR     (jdeps and jlink of a JDK 17 on the PATH, or under $JAVA_HOME)
#
# jdeps finds the modules the classes reference; jdk.crypto.ec is added by hand because TLS
# (Powerwall, Fleet API) finds its elliptic curves through a service, which jdeps cannot see.
# --strip-java-debug-attributes rather than --strip-debug, which on Debian's JDK also runs objcopy
# on the native libraries (already stripped there: the same size). --compress=2 stores the classes
# zipped (26 MB less; archived classes need no unzipping). The JDK's default CDS archive is made
# for start-up; its variant for heaps over 32 GB is dropped.
set -eu
jar=$1
out=$2
bin=${JAVA_HOME:+$JAVA_HOME/bin/}
modules=$("${bin}jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$jar")
rm -rf "$out"
"${bin}jlink" --add-modules "$modules,jdk.crypto.ec" --strip-java-debug-attributes --no-man-pages \
  --no-header-files --compress=2 --generate-cds-archive --output "$out" >/dev/null
rm -f "$out/lib/server/classes_nocoops.jsa"
echo "jlink.sh: $out holds $modules,jdk.crypto.ec" >&2
