#!/bin/sh
# Runs a command as if the disk filled up under it: no file may grow past 512
# bytes (RLIMIT_FSIZE, which binds root too), and with SIGXFSZ ignored a write
# beyond that fails with EFBIG, as a write to a full disk fails with ENOSPC.
trap '' XFSZ
ulimit -f 1
exec "$@"
