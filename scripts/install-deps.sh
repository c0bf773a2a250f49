#!/usr/bin/env bash
# install-deps.sh: what a bare Debian 12 machine of this kind lacks to build, run and test ActorPod.
# The .NET 10 SDK is part of the machine; everything else comes from Debian's apt and NuGet.
set -euo pipefail

need=()
for pkg in runc conmon busybox-static; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done

if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "install-deps: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
