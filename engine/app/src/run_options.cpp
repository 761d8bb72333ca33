#include "run_options.h"

#include <cstdio>

#include "core/parse_number.h"

namespace cd::app {

Result<RunOptions> parseRunOptions(const std::vector<std::string>& args) {
    RunOptions o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> Result<std::string> {
            if (i + 1 >= args.size()) return makeError(std::string(name) + " needs a value");
            return args[++i];
        };
        if (a == "--headless") {
            o.headless = true;
        } else if (a == "--seconds") {
            auto v = value("--seconds");
            if (!v) return v.error();
            double s = 0;
            if (!parseDouble(*v, s) || s <= 0.0) return makeError("--seconds needs a positive number, got '" + *v + "'");
            o.seconds = s;
        } else if (a == "--seed") {
            auto v = value("--seed");
            if (!v) return v.error();
            std::uint64_t s = 0;
            if (!parseU64(*v, s)) return makeError("--seed needs a non-negative integer, got '" + *v + "'");
            o.seed = s;
        } else if (a == "--bot") {
            auto v = value("--bot");
            if (!v) return v.error();
            o.botPath = *v;
        } else if (a == "--out") {
            auto v = value("--out");
            if (!v) return v.error();
            o.outDir = *v;
        } else if (a == "--lang") {
            auto v = value("--lang");
            if (!v) return v.error();
            if (*v != "en" && *v != "zh") return makeError("--lang takes en or zh, got '" + *v + "'");
            o.language = *v;
        } else if (a == "--screenshot") {
            auto v = value("--screenshot");
            if (!v) return v.error();
            o.screenshotPath = *v;
        } else if (a == "--size") {
            auto v = value("--size");
            if (!v) return v.error();
            int w = 0, h = 0;
            if (std::sscanf(v->c_str(), "%dx%d", &w, &h) != 2 || w < 64 || h < 64 || w > 8192 || h > 8192)
                return makeError("--size takes WIDTHxHEIGHT, e.g. 1280x720, got '" + *v + "'");
            o.width = w;
            o.height = h;
        } else if (a.rfind("--", 0) == 0) {
            return makeError("unknown option '" + a + "'");
        } else if (o.scenarioPath.empty()) {
            o.scenarioPath = a;
        } else {
            return makeError("more than one scenario given ('" + o.scenarioPath + "', '" + a + "')");
        }
    }
    if (o.scenarioPath.empty()) return makeError("no scenario given");
    return o;
}

}  // namespace cd::app
