#!/bin/sh
# Entry point of the home-energy-exporter image.
#
#   no arguments, /config/home-energy-exporter.yml present -> serve it
#   no arguments, no config file                           -> run the demo (simulated devices)
#   arguments starting with "-"                             -> serve the config with these extra flags
#   any other arguments                                     -> a sub-command, e.g. "check-config /config/home-energy-exporter.yml",
#                                                              "wallconnector 192.168.1.50", "tesla serve"
set -eu

JAR=/opt/home-energy-exporter/home-energy-exporter.jar
CONFIG="${HEE_CONFIG:-/config/home-energy-exporter.yml}"

if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
  if [ -f "$CONFIG" ]; then
    echo "home-energy-exporter: serving $CONFIG" >&2
    exec java -jar "$JAR" --config.file="$CONFIG" "$@"
  fi
  if [ "$#" -eq 0 ]; then
    echo "home-energy-exporter: no $CONFIG, running the demo with simulated devices" >&2
    exec java -jar "$JAR" demo --web.listen-address=:10042  # the container publishes the port
  fi
  exec java -jar "$JAR" "$@"
fi

exec java -jar "$JAR" "$@"
