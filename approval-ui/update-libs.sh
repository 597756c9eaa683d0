#!/usr/bin/env bash
# Refreshes the third-party browser libraries kept under META-INF/resources/lib/ (for maintainers; the build needs
# no npm). Each package is fetched at the exact version listed below with `npm pack`, checked against the registry's
# integrity value, and only its distributed files and licence are kept. Versions and file hashes: lib-versions.txt.
#
#   approval-ui/update-libs.sh        (needs Node/npm and network access to the npm registry)
set -euo pipefail
cd "$(dirname "$0")"
lib=src/main/resources/META-INF/resources/lib

# package@version  target directory  files kept (paths inside the package)
packages=(
  "@xterm/xterm@5.5.0         xterm              lib/xterm.js css/xterm.css LICENSE"
  "@xterm/addon-fit@0.10.0    xterm-addon-fit    lib/addon-fit.js LICENSE"
  "asciinema-player@3.10.0    asciinema-player   dist/bundle/asciinema-player.min.js dist/bundle/asciinema-player.css LICENSE"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "# Written by update-libs.sh: package, then sha256 of each kept file."
  for entry in "${packages[@]}"; do
    read -r spec dir files <<<"$entry"
    tarball=$(cd "$work" && npm pack "$spec" --silent)
    expected=$(npm view "$spec" dist.integrity)
    actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
    [ "$expected" = "$actual" ] || { echo "$spec: integrity mismatch ($actual, expected $expected)" >&2; exit 1; }
    rm -rf "${lib:?}/$dir" && mkdir -p "$lib/$dir"
    for file in $files; do
      tar -xzf "$work/$tarball" -C "$work" "package/$file"
      cp "$work/package/$file" "$lib/$dir/$(basename "$file")"
    done
    echo "$spec $expected"
    (cd "$lib/$dir" && sha256sum -- *) | sed "s|  |  $dir/|"
  done
} > lib-versions.txt
echo "Updated $lib (see lib-versions.txt)." >&2
