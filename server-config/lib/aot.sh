# The JVM's ahead-of-time cache of a Hearth domain (HEARTH_AOT=true): sourced by bin/hearth, which defines the settings
# and helpers (say, domain_path, launch_domain, server_stop, ...) used here.

# The JVM's ahead-of-time cache (JDK 25: JEP 483, 514, 515) holds the classes a start loads through the JDK's own
# class loaders (the JDK's and GlassFish's launcher's; GlassFish's OSGi bundles are not cached), already parsed and
# linked, and the profiles of the methods the server ran, so that the JIT compiles them at once. When a domain with
# Hearth deployed has no cache, its start first runs a training start: the server starts recording
# (-XX:AOTMode=record), answers Hearth's home page and the first post it links to, stops (the JVM writes
# hearth.aotconf), and the JVM's create mode writes the cache; then the domain starts with it, as every later start
# does. Only that short run records, never a server's working life: JDK 25.0.3 crashed writing the recording of a
# server that had unloaded classes (Derby's generated statement classes). A new JDK or GlassFish launcher trains
# again. A training that fails, or a cache the JVM refuses, turns the cache off until the JDK or GlassFish changes
# (or hearth.aot.failed is deleted). The domain's JVM options take the choice from hearth-aot.options
# (-XX:VMOptionsFile in domain.asadmin), written before every start; it stays empty on a JDK older than 25, with
# unless HEARTH_AOT=true, or without /proc.
aot_dir() { echo "$(domain_path)/config"; }

# What a cache is valid for: the JDK's build and GlassFish's launcher jars (the JVM checks more, see check_aot).
aot_key() {
    { cat "$AS_JAVA/release"; ls -l --time-style=+%s "$GLASSFISH_HOME/glassfish/lib/bootstrap"; } | sha256sum | cut -d' ' -f1
}

# Whether a training start would be worth its minute: the domain reads hearth-aot.options and Hearth is deployed.
aot_trainable() {
    local xml
    xml="$(domain_path)/config/domain.xml"
    grep -q 'hearth-aot.options' "$xml" && grep -q '<application [^>]*name="hearth"' "$xml"
}

# Writes hearth-aot.options (training first when there is no cache) and sets AOT_MODE to off or use.
prepare_aot() {
    local dir major key
    dir=$(aot_dir)
    major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$AS_JAVA/release" 2>/dev/null || true)
    : >"$dir/hearth-aot.options"
    AOT_MODE=off
    if [[ "$HEARTH_AOT" != true || ! "$major" =~ ^[0-9]+$ ]] || (( major < 25 )) || [[ ! -r /proc/self/cmdline ]]; then
        rm -f "$dir"/hearth.aot "$dir"/hearth.aot.* "$dir/hearth.aotconf"
        return 0
    fi
    key=$(aot_key)
    [[ "$(cat "$dir/hearth.aot.key" 2>/dev/null)" == "$key" ]] || rm -f "$dir/hearth.aot"
    if [[ ! -f "$dir/hearth.aot" ]]; then
        [[ "$(cat "$dir/hearth.aot.failed" 2>/dev/null)" == "$key" ]] && return 0
        aot_trainable || return 0
        train_aot "$key" || { echo "$key" >"$dir/hearth.aot.failed"; return 0; }
    fi
    printf -- '-XX:AOTCache=%s\n' "$dir/hearth.aot" >"$dir/hearth-aot.options"
    AOT_MODE=use
}

# The training start: records a start and two pages, stops, writes the cache. Fails when any step does.
train_aot() {
    local key=$1 dir pid log
    dir=$(aot_dir)
    log="$(domain_path)/logs/aot-cache.log"
    local site="http://localhost:$HTTP_PORT${HEARTH_CONTEXT_ROOT%/}" post
    say "training the JVM's ahead-of-time cache: a start and two pages, recorded (once, about a minute)"
    rm -f "$dir/hearth.aotconf"
    printf -- '-XX:AOTMode=record\n-XX:AOTConfiguration=%s\n' "$dir/hearth.aotconf" >"$dir/hearth-aot.options"
    if ! (launch_domain); then
        : >"$dir/hearth-aot.options"
        server_stop >/dev/null
        return 1
    fi
    pid=$(server_pid)
    tr '\0' '\n' <"/proc/$pid/cmdline" >"$dir/hearth.aot.command"
    # The home page, then the first post it links to.
    post=$(curl -s --max-time 300 "$site/" | grep -o 'href="[^"]*/posts/[^"#?]*"' | head -1 | sed 's/^href="//; s/"$//' || true)
    [[ "$post" == /* ]] && curl -s -o /dev/null --max-time 120 "http://localhost:$HTTP_PORT$post" || true
    server_stop >/dev/null
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    : >"$dir/hearth-aot.options"
    if [[ ! -s "$dir/hearth.aotconf" ]]; then
        say "the JVM wrote no recording (a crash leaves $dir/hs_err_pid*.log); starting without the ahead-of-time cache"
        rm -f "$dir/hearth.aotconf"
        return 1
    fi
    create_aot_cache "$log" || return 1
    echo "$key" >"$dir/hearth.aot.key"
}

# Writes the cache from the recording with the JVM that recorded it and the same options (the JVM insists).
create_aot_cache() {
    local log=$1 dir java arg args=() status=0
    dir=$(aot_dir)
    { IFS= read -r java
      while IFS= read -r arg; do
          [[ "$arg" == *.GlassFishMain ]] && break # GlassFish's own arguments follow
          [[ "$arg" == -XX:VMOptionsFile=* ]] || args+=("$arg")
      done; } <"$dir/hearth.aot.command"
    "$java" "${args[@]}" -XX:AOTMode=create -XX:AOTConfiguration="$dir/hearth.aotconf" \
        -XX:AOTCache="$dir/hearth.aot" >"$log" 2>&1 || status=$?
    rm -f "$dir/hearth.aotconf"
    if (( status != 0 )); then
        say "could not write the ahead-of-time cache (see $log); starting without it"
        rm -f "$dir/hearth.aot"
        return 1
    fi
}

# After a start with the cache: checks that the JVM mapped it. It refuses one made with other options or jars, and
# then runs as if there were none.
check_aot() {
    local pid=$1 dir
    dir=$(aot_dir)
    [[ "$AOT_MODE" == use ]] || return 0
    if ! grep -qF "$dir/hearth.aot" "/proc/$pid/maps"; then
        say "the JVM refused the ahead-of-time cache (this start runs without it); none until the JDK or GlassFish changes"
        rm -f "$dir/hearth.aot"
        aot_key >"$dir/hearth.aot.failed"
    fi
}
