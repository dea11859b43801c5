#!/bin/sh
# Runs the command with an invalid SMALLMIND_ISA, which is refused only when
# the kernels are first used, after the options were accepted.
SMALLMIND_ISA=mmx exec "$@"
