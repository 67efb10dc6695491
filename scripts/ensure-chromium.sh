#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (tools/e2e/).
# As root it installs it with apt-get; otherwise it says how, and fails.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
	exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
	echo "ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium" >&2
	# Wait for the dpkg lock if another apt-get is running.
	apt-get -o DPkg::Lock::Timeout=600 update
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y \
		chromium fonts-dejavu-core
	exit 0
fi

cat >&2 <<'MSG'
ensure-chromium: /usr/bin/chromium is missing, and the browser tests need it.
Install Debian's Chromium, then run make again:

    sudo apt-get update && sudo apt-get install chromium fonts-dejavu-core

(or point CHROMIUM=/path/to/chromium at another build and run go test directly)
MSG
exit 1
