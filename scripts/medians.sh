# Medians of "key value" lines over repeated runs of a program, for the latency scripts (cache-latency.sh, gpu-check.sh).
# Source it and set runs (how many times each command runs).

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Runs a command $runs times and prints, space-separated in the order given, the median of each key's value ("key value"
# lines of its standard output; n/a for a key it never printed). Returns non-zero when any run failed.
medians() { # keys (space-separated), then the command
  local keys="$1" outputs=() key value failed=0; shift
  for _ in $(seq "${runs:?}"); do outputs+=("$("$@")") || failed=1; done
  for key in $keys; do
    value="$(printf '%s\n' "${outputs[@]}" | awk -v k="$key" '$1 == k { print $2 }' | median)"
    echo "${value:-n/a}"
  done | paste -sd' ' -
  return "$failed"
}
