-- wrk script for the posting workload: every request is a new comment from its own simulated client.
-- Counts the 201 answers per wrk thread; done() prints the total as "acknowledged N".
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    thread_key = args[1]
    token = args[2]
    -- A file of form tokens (bench/Api.java): a form takes 3 comments, and each wrk thread takes every threads-th one.
    forms = {}
    for line in io.lines(args[3]) do
        table.insert(forms, line)
    end
    run = args[4] or ""
    threads_count = tonumber(args[5] or "2")
    acknowledged = 0
end

function request()
    local form = forms[((id - 1) + threads_count * math.floor(counter / 3)) % #forms + 1]
    counter = counter + 1
    -- The run's own mark keeps every round's comments different (an exact duplicate in the thread is refused).
    local client = "poster-" .. run .. "-" .. id .. "-" .. counter
    local body = '{"form":"' .. form .. '","thread":"' .. thread_key .. '","name":"Poster ' .. id .. '","body":"Load comment ' .. client ..
        ' with a few words, like a reader would write."}'
    return wrk.format("POST", "/api/comments", {
        ["Content-Type"] = "application/json",
        ["X-Hearth-Benchmark"] = token,
        ["X-Hearth-Benchmark-Client"] = client
    }, body)
end

function response(status, headers, body)
    if status == 201 then
        acknowledged = acknowledged + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("acknowledged")
    end
    io.write("acknowledged " .. total .. "\n")
end
