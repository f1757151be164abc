#!/usr/bin/env bash
# Prints the path of a Node 24 binary (CI's second Node): see node-major.sh.
exec "$(dirname "$0")/node-major.sh" 24
