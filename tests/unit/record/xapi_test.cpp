// xAPI export and ISO 8601 times.
#include <gtest/gtest.h>

#include "record/iso_time.h"
#include "record/xapi.h"
#include "sample_session.h"

using namespace cd::record;

TEST(IsoTime, StartPlusOffsetIsWrittenInUtcWithMilliseconds) {
    EXPECT_EQ(isoTimeAfter("2026-11-29T02:14:19Z", 75.5), "2026-11-29T02:15:34.500Z");
    EXPECT_EQ(isoTimeAfter("2026-12-31T23:59:59.250Z", 1.0), "2027-01-01T00:00:00.250Z");
    EXPECT_EQ(isoTimeAfter("2026-11-29T10:00:00+08:00", 0.0), "2026-11-29T02:00:00.000Z");
    EXPECT_EQ(isoTimeAfter("2024-02-28T12:00:00-05:30", 86400.0), "2024-02-29T17:30:00.000Z");
    EXPECT_EQ(formatIso8601Ms(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(isoDuration(75.456), "PT75.46S");
}

TEST(IsoTime, MalformedTimesAreRejectedWithTheText) {
    for (const char* bad : {"", "yesterday", "2026-13-01T00:00:00Z", "2026-11-29 02:14", "2026-11-29T02:14:19Zjunk"}) {
        auto r = parseIso8601Ms(bad);
        EXPECT_FALSE(r.ok()) << bad;
    }
}

TEST(Xapi, EveryStatementHasActorVerbObjectAndTimestamp) {
    SessionLog log = cd::testdata::sampleSession();
    auto r = toXapiStatements(log, "Alex Chen", "https://citydrill.org/scenarios/school_fire",
                              XapiOutcome{7.5, 10.0, true, false});
    ASSERT_TRUE(r.ok()) << r.error().str();
    const nlohmann::json& st = *r;
    ASSERT_TRUE(st.is_array());
    // attempted + one per action + completed + passed
    ASSERT_EQ(st.size(), 1 + log.actions.size() + 2);
    for (const auto& s : st) {
        ASSERT_TRUE(s.contains("actor"));
        EXPECT_EQ(s["actor"]["objectType"], "Agent");
        EXPECT_TRUE(s["actor"]["account"].contains("homePage"));
        EXPECT_EQ(s["actor"]["account"]["name"], "Alex Chen");
        ASSERT_TRUE(s["verb"]["id"].is_string());
        EXPECT_EQ(s["verb"]["id"].get<std::string>().rfind("http://adlnet.gov/expapi/verbs/", 0), 0u);
        ASSERT_TRUE(s["object"]["id"].is_string());
        ASSERT_TRUE(s["timestamp"].is_string());
        EXPECT_EQ(s["version"], "1.0.3");
        // RFC 4122 version-4 layout: 8-4-4-4-12, version nibble 4, variant 8..b.
        std::string id = s["id"];
        ASSERT_EQ(id.size(), 36u);
        EXPECT_EQ(id[14], '4');
        EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
        EXPECT_EQ(s["context"]["registration"], st[0]["context"]["registration"]);
    }
    EXPECT_EQ(st[0]["verb"]["id"], "http://adlnet.gov/expapi/verbs/attempted");
    EXPECT_EQ(st[0]["timestamp"], "2026-11-29T02:00:00.000Z");
    EXPECT_EQ(st[1]["verb"]["id"], "http://adlnet.gov/expapi/verbs/interacted");
    EXPECT_EQ(st[1]["object"]["id"], "https://citydrill.org/scenarios/school_fire/actions/pull_alarm");
    EXPECT_EQ(st[1]["timestamp"], "2026-11-29T02:00:20.000Z");
    const auto& completed = st[st.size() - 2];
    EXPECT_EQ(completed["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
    EXPECT_EQ(completed["result"]["duration"], "PT200.00S");
    const auto& passed = st.back();
    EXPECT_EQ(passed["verb"]["id"], "http://adlnet.gov/expapi/verbs/passed");
    EXPECT_DOUBLE_EQ(passed["result"]["score"]["scaled"].get<double>(), 0.75);
    EXPECT_EQ(passed["result"]["success"], true);
    EXPECT_EQ(passed["timestamp"], "2026-11-29T02:03:20.000Z");

    // Exporting twice gives the same statement ids (an LRS de-duplicates re-sends).
    auto again = toXapiStatements(log, "Alex Chen", "https://citydrill.org/scenarios/school_fire",
                                  XapiOutcome{7.5, 10.0, true, false});
    EXPECT_EQ((*again)[3]["id"], st[3]["id"]);
}

TEST(Xapi, AFailedSessionEndsWithFailedAndWithoutAScoreNoVerdictIsSent) {
    SessionLog log = cd::testdata::sampleSession();
    auto failed = toXapiStatements(log, "A", "https://x.org/a", XapiOutcome{2, 10, false, true});
    ASSERT_TRUE(failed.ok());
    EXPECT_EQ(failed->back()["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
    EXPECT_EQ(failed->back()["result"]["success"], false);
    auto noScore = toXapiStatements(log, "A", "https://x.org/a");
    ASSERT_TRUE(noScore.ok());
    EXPECT_EQ(noScore->back()["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
}

TEST(Xapi, BadActivityIriOrStartTimeIsAnErrorNamingTheField) {
    SessionLog log = cd::testdata::sampleSession();
    auto r = toXapiStatements(log, "A", "school fire");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "activityIri");
    log.meta.startedAtUtc = "last tuesday";
    r = toXapiStatements(log, "A", "https://x.org/a");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "meta.startedAtUtc");
    r = toXapiStatements(cd::testdata::sampleSession(), "", "https://x.org/a");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().field, "actorName");
}
