#!/usr/bin/env bash
# A private CUPS server for the tests, with the cups-pdf virtual printer
# "AmendsPDF" that writes each job as a PDF into OUT. It listens only on a
# socket in DIR and leaves the machine's own CUPS alone (the cups-pdf
# settings go in a file named for this queue, which cups-pdf reads first).
#   tests/cups/server.sh start DIR   prints: export CUPS_SERVER=…; export AMENDS_TEST_PRINT_OUT=…
#   tests/cups/server.sh stop DIR
set -euo pipefail
cmd=$1
dir=$(realpath -m "$2")
queue=AmendsPDF

case "$cmd" in
start)
  command -v cupsd >/dev/null && [ -x /usr/lib/cups/backend/cups-pdf ] || {
    echo "CUPS or cups-pdf is not installed (apt-get install cups printer-driver-cups-pdf)" >&2; exit 3; }
  [ "$(id -u)" -eq 0 ] || { echo "A private CUPS server with cups-pdf needs root" >&2; exit 3; }
  # A server left over from an earlier run on this folder goes first.
  pkill -f "cupsd -[cC] $dir/cupsd.conf" 2>/dev/null && sleep 0.5 || true
  rm -rf "$dir"
  mkdir -p "$dir"/{root/ppd,spool,tmp,cache,state,log,out}
  chmod 0755 "$dir" "$dir/out"
  chmod 1777 "$dir/tmp" "$dir/out"
  cat >"$dir/cupsd.conf" <<CONF
Listen $dir/cups.sock
LogLevel info
Browsing No
DefaultAuthType None
WebInterface No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  cat >"$dir/cups-files.conf" <<CONF
ServerRoot $dir/root
RequestRoot $dir/spool
TempDir $dir/tmp
CacheDir $dir/cache
StateDir $dir/state
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
User lp
Group lp
SystemGroup root
CONF
  # cups-pdf reads /etc/cups/cups-pdf-<queue>.conf before its global file.
  cat >"/etc/cups/cups-pdf-$queue.conf" <<CONF
Out $dir/out
AnonDirName $dir/out
UserUMask 0000
Grp root
CONF
  /usr/sbin/cupsd -c "$dir/cupsd.conf" -s "$dir/cups-files.conf"
  for _ in $(seq 1 50); do [ -S "$dir/cups.sock" ] && break; sleep 0.1; done
  [ -S "$dir/cups.sock" ] || { echo "cupsd did not start; see $dir/log/error_log" >&2; exit 1; }
  export CUPS_SERVER="$dir/cups.sock"
  lpadmin -p "$queue" -E -v "cups-pdf:/$queue" -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  # pdftocairo keeps the text extractable in the printed PDF (the default ghostscript
  # route prints the same marks but loses the fonts' character maps, so pdftotext reads nonsense).
  lpadmin -p "$queue" -o pdftops-renderer-default=pdftocairo
  lpadmin -d "$queue"
  echo "export CUPS_SERVER=$dir/cups.sock; export AMENDS_TEST_PRINT_OUT=$dir/out"
  ;;
stop)
  if pgrep -f "cupsd -[cC] $dir/cupsd.conf" >/dev/null; then
    pkill -f "cupsd -[cC] $dir/cupsd.conf" || true
  fi
  rm -f "/etc/cups/cups-pdf-$queue.conf"
  ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
