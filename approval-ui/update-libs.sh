#!/usr/bin/env bash
# Refreshes the third-party browser libraries kept under META-INF/resources/lib/ (for maintainers; the build needs
# no npm). Each package is fetched at the exact version listed below with `npm pack`, checked against the registry's
# integrity value, and only its distributed files and licence are kept. Versions and file hashes: lib-versions.txt.
#
# Guacamole's JavaScript client is published to Maven Central only (a zip): it is fetched with the Maven wrapper and
# checked against the sha256 pinned below. The zip ships no licence files, so lib/guacamole-common-js/ keeps its
# LICENSE (Apache License 2.0) and NOTICE, which this script leaves in place.
#
#   approval-ui/update-libs.sh        (needs Node/npm, and network access to the npm registry and Maven Central)
set -euo pipefail
cd "$(dirname "$0")"
lib=src/main/resources/META-INF/resources/lib

# package@version  target directory  files kept (paths inside the package)
packages=(
  "@xterm/xterm@5.5.0         xterm              lib/xterm.js css/xterm.css LICENSE"
  "@xterm/addon-fit@0.10.0    xterm-addon-fit    lib/addon-fit.js LICENSE"
  "asciinema-player@3.10.0    asciinema-player   dist/bundle/asciinema-player.min.js dist/bundle/asciinema-player.css LICENSE"
)

# Maven coordinates, sha256 of the zip, target directory, file kept (path inside the zip)
guacamole="org.apache.guacamole:guacamole-common-js:1.6.0:zip \
  718cde229cfa601c52ddc201afe3f3ed951b8b756957387776d0c460786f0448 guacamole-common-js guacamole-common-js/all.min.js"

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
  read -r artifact sha256 dir file <<<"$guacamole"
  ../mvnw -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$work" -Dmdep.stripVersion=true >&2
  zip="$work/guacamole-common-js.zip"
  echo "$sha256  $zip" | sha256sum -c --quiet - || { echo "$artifact: sha256 mismatch" >&2; exit 1; }
  unzip -q -o "$zip" "$file" -d "$work"
  mkdir -p "$lib/$dir" && cp "$work/$file" "$lib/$dir/"
  echo "$artifact sha256-$sha256"
  (cd "$lib/$dir" && sha256sum -- *) | sed "s|  |  $dir/|"
} > lib-versions.txt
echo "Updated $lib (see lib-versions.txt)." >&2
