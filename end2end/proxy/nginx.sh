#!/usr/bin/env bash
# Debian's nginx in front of the e2e site behind a proxy, configured with the example the
# package ships (server/debian/nginx.conf, as README's "Running in production" says to use it),
# given a self-signed certificate made here and the test's ports instead of 443, 80 and 3000.
# Usage: nginx.sh <https port> <http port> <site port>
set -euo pipefail
example="$(cd "$(dirname "$0")/../.." && pwd)/server/debian/nginx.conf"
https_port=$1 http_port=$2 site_port=$3
dir=$(mktemp -d -t klimadialog-nginx-XXXXXX)
# nginx's workers run as an unprivileged user when it is started as root.
chmod 755 "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
sed -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e '/listen \[::\]/d' \
    -e 's|server_name klimadialog.example.dk;|server_name localhost;|' \
    -e "s|/etc/ssl/certs/klimadialog.example.dk.pem|$dir/cert.pem|" \
    -e "s|/etc/ssl/private/klimadialog.example.dk.key|$dir/key.pem|" \
    -e "s|http://127.0.0.1:3000|http://127.0.0.1:$site_port|" \
    "$example" > "$dir/site.conf"
# Every line changed above must have been found: the example is what is tested.
for expected in "127.0.0.1:$https_port ssl http2" "127.0.0.1:$http_port" "$dir/cert.pem" "$dir/key.pem" "127.0.0.1:$site_port"; do
  grep -qF "$expected" "$dir/site.conf" || { echo "nginx.sh: the example has no line for $expected" >&2; exit 1; }
done
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  include $dir/site.conf;
}
CONF
# Debian puts nginx in /usr/sbin, which not every PATH has.
nginx=$(command -v nginx || echo /usr/sbin/nginx)
"$nginx" -t -q -p "$dir" -c "$dir/nginx.conf"
exec "$nginx" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;'
