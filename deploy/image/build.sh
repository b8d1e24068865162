#!/bin/sh
# Builds the container image with Debian's podman, buildah, runc and debootstrap alone: no Docker
# engine, no registry, nothing under /etc changed.
#
#   mvn -B -DskipTests package && sudo deploy/image/build.sh [TAG]
#
# 1. A Debian bookworm base: debootstrap --variant=minbase with curl, tini and Debian's JRE
#    (headless), imported with `podman import` as BASE_TAG-jre; the same without the JRE as BASE_TAG.
#    Kept in the private storage and made again only when missing.
# 2. A Java runtime of the modules the jar uses (deploy/image/jlink.sh, the JDK on this machine).
# 3. buildah bud --pull=never of deploy/Dockerfile with the jar and that runtime from target/.
#
# Everything lives in IMAGE_DIR (default target/image): containers.conf and storage.conf, named by
# CONTAINERS_CONF and CONTAINERS_STORAGE_CONF (export the same two to run podman on the image), the
# image storage and the root file systems. Settings from the environment:
#   JRE_FROM       jlink (default): the jlink'd runtime; base: Debian's JRE of BASE_TAG-jre
#   DEBIAN_MIRROR  the Debian mirror; default: the first one apt uses here
#   BASE_TAG       default localhost/home-energy-exporter-base:bookworm
#   BASES_ONLY     1: make the two bases (step 1) and stop
set -eu
cd "$(dirname "$0")/../.."
tag=${1:-localhost/home-energy-exporter:local}
dir=${IMAGE_DIR:-$PWD/target/image}
base=${BASE_TAG:-localhost/home-energy-exporter-base:bookworm}
jre_from=${JRE_FROM:-jlink}
jar=target/home-energy-exporter.jar

if [ ! -f "$jar" ]; then
  echo "build.sh: no $jar: run mvn -B -DskipTests package first" >&2
  exit 1
fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# Podman's settings for this machine: slirp4netns rather than a bridge (which would change the
# host's forwarding and firewall), runc (crun refuses cgroup v1 here), cgroupfs without systemd,
# events to a file, explicit ulimits, and storage of its own.
cat >"$dir/containers.conf" <<CONF
[containers]
netns = "slirp4netns"
default_ulimits = ["nofile=16384:16384", "nproc=16384:16384"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$dir/events.log"
network_cmd_options = ["allow_host_loopback=true"]
CONF
cat >"$dir/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$dir/storage"
runroot = "$dir/run"
CONF
export CONTAINERS_CONF="$dir/containers.conf" CONTAINERS_STORAGE_CONF="$dir/storage.conf"

mirror=${DEBIAN_MIRROR:-$(sed -n -e 's/^URIs: *//p' -e 's/^deb  *\(\[[^]]*\]  *\)\{0,1\}\([^ ]*\) .*/\2/p' \
  /etc/apt/sources.list /etc/apt/sources.list.d/* 2>/dev/null | grep -m1 '/debian/*$' || true)}
mirror=${mirror:-http://deb.debian.org/debian}

# Leaves out of a root file system what a container never reads: package caches and lists, manuals,
# translations, documentation except the copyright files.
trim() {
  rm -rf "$1"/var/cache/apt/*.bin "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/* \
    "$1"/var/log/* "$1"/usr/share/man "$1"/usr/share/info "$1"/usr/share/locale/*
  find "$1/usr/share/doc" -type f ! -name copyright -delete
  find "$1/usr/share/doc" -type l -delete
}

if ! podman image exists "$base-jre" || ! podman image exists "$base"; then
  rootfs=$dir/rootfs
  rm -rf "$rootfs"
  echo "build.sh: debootstrap bookworm from $mirror" >&2
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,tini bookworm "$rootfs" "$mirror" \
    >"$dir/debootstrap.log" 2>&1 || { tail -20 "$dir/debootstrap.log" >&2; exit 1; }
  trim "$rootfs"
  tar -C "$rootfs" --numeric-owner -cf - . | podman import --quiet - "$base-jre" >/dev/null
  # The same without the JRE: everything not in minbase (Priority required) becomes removable.
  chroot "$rootfs" sh -c 'apt-mark auto $(dpkg-query -W -f "\${Package} \${Priority}\n" | awk "\$2 != \"required\" {print \$1}") >/dev/null
    apt-mark manual apt curl tini ca-certificates >/dev/null
    apt-get -y -q purge --autoremove openjdk-17-jre-headless' >>"$dir/debootstrap.log" 2>&1
  trim "$rootfs"
  tar -C "$rootfs" --numeric-owner -cf - . | podman import --quiet - "$base" >/dev/null
  rm -rf "$rootfs"
fi

if [ "${BASES_ONLY:-}" = 1 ]; then
  exit 0
fi

if [ "$jre_from" = base ]; then
  base_image=$base-jre
  jre_arg=base
else
  base_image=$base
  jre_arg=context
  deploy/image/jlink.sh "$jar" target/image/jre
fi

# "home-energy-exporter 0.1.0 (revision 16959dd4f235, Java 17.0.15)"
about=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" --version)
version=$(echo "$about" | sed -n 's/^home-energy-exporter \([^ ]*\) .*/\1/p')
revision=$(echo "$about" | sed -n 's/.*(revision \([^,]*\),.*/\1/p')
buildah bud --pull=never --format docker --layers=false --quiet \
  --ignorefile deploy/Dockerfile.dockerignore -f deploy/Dockerfile \
  --build-arg BASE_IMAGE="$base_image" --build-arg JAR_FROM=context --build-arg JRE_FROM="$jre_arg" \
  --build-arg VERSION="$version" --build-arg VCS_REF="$revision" \
  -t "$tag" . >/dev/null
# buildah 1.28 keeps a working container for each stage copied from; they and the stage images go.
buildah rm --all >/dev/null
podman image prune --force >/dev/null
podman image inspect --format '{{.Size}}' "$tag" | awk -v t="$tag" '{printf "build.sh: %s, %.0f MB\n", t, $1 / 1e6}' >&2
