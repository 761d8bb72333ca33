#include "scenario/rubric_builder.h"

namespace cd::scenario {

Result<score::Rubric> buildRubric(const RubricSpec& spec) {
    score::Rubric rubric;
    rubric.id = spec.id;
    rubric.passMark = spec.passPercent;
    for (const auto& c : spec.criteria) {
        score::CriterionParams params;
        params["id"] = c.id;
        params["description"] = c.description;
        params["points"] = c.points;
        for (const auto& [k, v] : c.numbers) params[k] = v;
        for (const auto& [k, v] : c.flags) params[k] = v;
        for (const auto& [k, v] : c.strings) {
            if (v.size() == 1) params[k] = v[0];  // score accepts one id where it takes a list
            else params[k] = v;
        }
        auto made = score::makeCriterion(c.kind, params);
        if (!made) {
            const Error& e = made.error();
            std::string field = c.source.field + (e.field.empty() ? "" : "." + e.field);
            auto key = c.keyLines.find(e.field);
            return makeError(e.message, c.source.file, key != c.keyLines.end() ? key->second : c.source.line, field);
        }
        rubric.criteria.push_back(std::move(*made));
    }
    if (auto st = score::validateRubric(rubric); !st) {
        const Error& e = st.error();
        return makeError(e.message, spec.criteria.empty() ? "" : spec.criteria[0].source.file, 0, "rubric." + e.field);
    }
    return rubric;
}

}  // namespace cd::scenario
