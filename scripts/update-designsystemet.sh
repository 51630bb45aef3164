#!/usr/bin/env bash
# Vendors Digdir's Designsystemet CSS (MIT) into assets/vendor/designsystemet/.
# The site must load nothing from third parties, so the CSS is copied, not linked from a CDN.
# Usage: scripts/update-designsystemet.sh [css-version] [theme-version]
set -euo pipefail
css_version="${1:-1.22.0}"
theme_version="${2:-1.11.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/assets/vendor/designsystemet"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "@digdir/designsystemet-css@$css_version" "@digdir/designsystemet-theme@$theme_version" >/dev/null
mkdir css theme
tar xzf "digdir-designsystemet-css-$css_version.tgz" -C css
tar xzf "digdir-designsystemet-theme-$theme_version.tgz" -C theme
mkdir -p "$target"
cp css/package/dist/src/index.css "$target/designsystemet.css"
cp css/package/LICENSE "$target/LICENSE-designsystemet-css"
cp theme/package/brand/digdir.css "$target/theme-digdir.css"
cp theme/package/LICENSE "$target/LICENSE-designsystemet-theme"
# Refuse anything that would make a visitor's browser contact another site.
if grep -nE "@import|url\((['\"])?(https?:)?//" "$target"/*.css; then
  echo "The vendored CSS references another site; refusing it." >&2
  exit 1
fi
cat > "$target/VERSION" <<TXT
@digdir/designsystemet-css $css_version (dist/src/index.css)
@digdir/designsystemet-theme $theme_version (brand/digdir.css)
Updated by scripts/update-designsystemet.sh
TXT
echo "Vendored Designsystemet CSS $css_version and theme $theme_version into ${target#$root/}"
