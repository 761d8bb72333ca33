#include "scenario/bot_script.h"

#include <algorithm>

#include "core/files.h"
#include "toml_fields.h"

namespace cd::scenario {

BotLoad parseBotScript(const std::string& text, const std::string& path, const std::vector<std::string>& knownActions) {
    BotLoad out;
    out.bot.path = path;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        out.errors.push_back(makeError(std::string(e.description()), path, static_cast<int>(e.source().begin.line), "(syntax)"));
        return out;
    }
    TomlFields f(root, path, "", out.errors);
    if (const toml::table* b = f.table("bot", true)) {
        TomlFields bf(*b, path, "bot", out.errors);
        if (auto v = bf.str("name", true)) out.bot.name = *v;
        if (auto v = bf.str("description", false)) out.bot.description = *v;
    }
    auto steps = f.tables("step");
    if (steps.empty()) f.error("step", "a bot needs at least one [[step]]");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        std::string field = "step[" + std::to_string(i) + "]";
        TomlFields sf(*steps[i], path, field, out.errors);
        BotStep s;
        s.source = SourceRef{path, sf.line(), field};
        if (auto v = sf.num("not_before_s", false, 0.0, 1e9)) s.notBeforeS = *v;
        if (auto v = sf.str("action", true)) {
            s.action = *v;
            if (*v != "wait" && std::find(knownActions.begin(), knownActions.end(), *v) == knownActions.end())
                sf.error("action", "unknown action '" + *v + "'");
        }
        if (auto v = sf.num("seconds", s.action == "wait", 0.0, 1e9)) s.waitS = *v;
        if (auto v = sf.str("until", false)) {
            if (s.action != "wait") sf.error("until", "only a wait step waits for an event");
            else if (v->empty()) sf.error("until", "expected an event kind, e.g. \"casualty.freed\"");
            s.untilEvent = *v;
        }
        if (auto v = sf.str("to", false)) {
            s.to = *v;
            auto colon = v->find(':');
            std::string kind = v->substr(0, colon);
            if (colon == std::string::npos || colon + 1 == v->size() ||
                (kind != "room" && kind != "door" && kind != "exit" && kind != "assembly"))
                sf.error("to", "expected room:<id>, door:<id>, exit:<id> or assembly:<id>, got '" + *v + "'");
        }
        if (auto v = sf.numbers("position", false, 3)) s.position = Vec3{(*v)[0], (*v)[1], (*v)[2]};
        if (s.action == "move" && s.to.empty() && !s.position) sf.error("to", "a move step needs to or position");
        if (auto v = sf.boolean("run", false)) s.run = *v;
        if (auto v = sf.boolean("direct", false)) s.direct = *v;
        if (auto v = sf.str("target", false)) s.target = *v;
        if (auto v = sf.str("text", false)) s.text = *v;
        if (auto v = sf.num("value", false, -1e6, 1e6)) s.value = *v;
        out.bot.steps.push_back(std::move(s));
    }
    return out;
}

BotLoad loadBotScript(const std::string& path, const std::vector<std::string>& knownActions) {
    auto text = readTextFile(path);
    if (!text) {
        BotLoad out;
        out.bot.path = path;
        out.errors.push_back(text.error());
        return out;
    }
    return parseBotScript(*text, path, knownActions);
}

}  // namespace cd::scenario
