#!/bin/bash
# Runs the command with each argument @EMPTY@ turned into an empty one, which
# a CMake list cannot carry.
arguments=()
for argument in "$@"; do
  [[ "$argument" == "@EMPTY@" ]] && argument=""
  arguments+=("$argument")
done
exec "${arguments[@]}"
