#!/usr/bin/env bash
# Makes sure the browser engines beside Chromium are installed for e2e/engines_test.go:
# Debian's Firefox ESR, WebKitGTK's WebKitWebDriver (with its MiniBrowser) and Xvfb.
# As root it installs what is missing with apt-get; otherwise it says how, and goes on (the
# tests then skip with that message; under CI=true they fail instead).
set -euo pipefail

declare -A need=(
	[firefox-esr]=/usr/bin/firefox-esr
	[webkit2gtk-driver]=/usr/bin/WebKitWebDriver
	[xvfb]=/usr/bin/Xvfb
)
missing=()
for pkg in "${!need[@]}"; do
	[ -x "${need[$pkg]}" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "ensure-engines: installing Debian's ${missing[*]}" >&2
	apt-get -o DPkg::Lock::Timeout=600 update
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
	exit 0
fi

echo "ensure-engines: ${missing[*]} missing; the Firefox and WebKit tests will skip. Install them with:" >&2
echo "    sudo apt-get update && sudo apt-get install ${missing[*]}" >&2
