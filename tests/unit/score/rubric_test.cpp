// Building rubric criteria from named parameters, as the scenario loader does.
#include <gtest/gtest.h>

#include "score/rubric.h"

using namespace cd::score;

TEST(MakeCriterion, BuildsACriterionFromNamedParameters) {
    auto c = makeCriterion("action_before", {{"id", std::string("alarm")},
                                             {"description", std::string("Raise the alarm")},
                                             {"points", 2.0},
                                             {"action", std::string("pull_alarm")},
                                             {"target_s", 60.0}});
    ASSERT_TRUE(c.ok()) << c.error().str();
    EXPECT_EQ(c->kind, CriterionKind::ActionBefore);
    EXPECT_EQ(c->action, cd::record::ActionKind::PullAlarm);
    EXPECT_EQ(c->limitS, 60.0);  // defaults to target_s
    EXPECT_EQ(c->points, 2.0);

    auto route = makeCriterion("route_via", {{"id", std::string("r")}, {"via", std::string("stair_b")}});
    ASSERT_TRUE(route.ok());
    EXPECT_EQ(route->via, std::vector<std::string>{"stair_b"});
    for (const std::string& kind : criterionKindNames()) {
        CriterionKind k;
        ASSERT_TRUE(parseCriterionKind(kind, k));
        EXPECT_EQ(kind, toString(k));
    }
}

TEST(MakeCriterion, ErrorsNameTheOffendingParameter) {
    struct Case {
        std::string kind;
        CriterionParams params;
        std::string field;
    };
    const std::string id = "x";
    std::vector<Case> cases = {
        {"reach_assembly", {{"target_s", 60.0}}, "id"},
        {"teleport", {{"id", id}}, "kind"},
        {"reach_assembly", {{"id", id}}, "target_s"},
        {"reach_assembly", {{"id", id}, {"target_s", 60.0}, {"limit_s", 30.0}}, "limit_s"},
        {"reach_assembly", {{"id", id}, {"target_s", std::string("soon")}}, "target_s"},
        {"reach_assembly", {{"id", id}, {"target_s", 60.0}, {"colour", std::string("red")}}, "colour"},
        {"max_fed", {{"id", id}, {"full_below", 0.3}, {"zero_at", 0.1}}, "zero_at"},
        {"avoid_rooms", {{"id", id}}, "rooms"},
        {"avoid_smoke", {{"id", id}}, "visibility_below_m"},
        {"action_never", {{"id", id}, {"action", std::string("fly")}}, "action"},
        {"action_never", {{"id", id}}, "action"},
        {"route_via", {{"id", id}, {"via", 3.0}}, "via"},
        {"action_never", {{"id", id}, {"action", std::string("use_lift")}, {"points", -1.0}}, "points"},
        {"action_never", {{"id", id}, {"action", std::string("use_lift")}, {"critical", 1.0}}, "critical"},
        {"event_never", {{"id", id}}, "event"},
        {"event_never", {{"id", id}, {"event", 2.0}}, "event"},
        {"event_before", {{"id", id}, {"event", std::string("casualty.rescued")}}, "target_s"},
        {"event_before", {{"id", id}, {"target_s", 60.0}}, "event"},
        {"event_before", {{"id", id}, {"event", std::string("casualty.rescued")}, {"target_s", 60.0}, {"limit_s", 30.0}}, "limit_s"},
    };
    for (const auto& c : cases) {
        auto r = makeCriterion(c.kind, c.params);
        ASSERT_FALSE(r.ok()) << c.kind << " should fail on " << c.field;
        EXPECT_EQ(r.error().field, c.field) << r.error().str();
    }
}

TEST(ValidateRubric, DuplicateIdsAndBadPassMarksAreNamedWithTheirIndex) {
    Rubric r;
    r.id = "r";
    RubricCriterion a;
    a.id = "same";
    a.kind = CriterionKind::MaxFed;
    r.criteria = {a, a};
    auto st = validateRubric(r);
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().field, "criteria[1].id");
    r.criteria[1].id = "other";
    EXPECT_TRUE(validateRubric(r).ok());
    r.criteria[1].zeroAt = 0.0;
    EXPECT_EQ(validateRubric(r).error().field, "criteria[1].zero_at");
    r.criteria.pop_back();
    r.passMark = 120;
    EXPECT_EQ(validateRubric(r).error().field, "pass_mark");
}
