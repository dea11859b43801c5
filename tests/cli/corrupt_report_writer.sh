#!/bin/sh
# Stands in for a smallmind-prof whose enhanced run "succeeds" but writes an
# unreadable report: ab must name the side and exit 2.
while [ $# -gt 0 ]; do
  if [ "$1" = "--output-dir" ]; then
    mkdir -p "$2" && printf '{"schema_version": 2, "scopes": [' >"$2/enhanced-profile-report.json"
    exit 0
  fi
  shift
done
exit 0
