#!/usr/bin/env bash
# Refresh book/_static/vendor/ from the npm registry (pinned versions; see the folder's README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
vendor="$here/book/_static/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
  @jupyter-widgets/html-manager@1.0.15 requirejs@2.3.8 mathjax@3.2.2 >/dev/null
modules="$work/node_modules"
rm -rf "$vendor/requirejs" "$vendor/html-manager" "$vendor/mathjax"
mkdir -p "$vendor/requirejs" "$vendor/html-manager" "$vendor/mathjax/output/chtml/fonts" \
  "$vendor/mathjax/input/tex"
cp "$modules/requirejs/require.js" "$vendor/requirejs/"
dist="$modules/@jupyter-widgets/html-manager/dist"
cp "$dist/embed-amd.js" "$dist"/*.woff2 "$dist"/*.woff "$dist"/*.ttf "$dist"/*.eot "$dist"/*.svg \
  "$vendor/html-manager/"
cp "$dist/embed.js.LICENSE.txt" "$vendor/html-manager/THIRD-PARTY-LICENSES.txt"
cp "$modules/mathjax/LICENSE" "$modules/mathjax/es5/tex-mml-chtml.js" "$vendor/mathjax/"
cp -r "$modules/mathjax/es5/output/chtml/fonts/woff-v2" "$vendor/mathjax/output/chtml/fonts/"
cp -r "$modules/mathjax/es5/input/tex/extensions" "$vendor/mathjax/input/tex/"
echo "vendored into $vendor"
