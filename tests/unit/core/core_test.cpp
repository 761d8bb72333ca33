#include <cmath>
#include <gtest/gtest.h>

#include <atomic>
#include <vector>

#include "core/files.h"
#include "core/fixed_clock.h"
#include "core/hash.h"
#include "core/job_pool.h"
#include "core/result.h"
#include "core/rng.h"

using namespace cd;

TEST(Result, CarriesAValueOrAnErrorNamingFileLineAndField) {
    Result<int> good = 42;
    ASSERT_TRUE(good.ok());
    EXPECT_EQ(*good, 42);
    Result<int> bad = makeError("must be positive", "scenes/a.toml", 12, "fire.peak_hrr_kw");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().str(), "scenes/a.toml:12: fire.peak_hrr_kw: must be positive");
}

TEST(FixedClock, TimeIsTicksTimesStepWithoutDrift) {
    FixedClock clock(1.0 / 60.0);
    for (int i = 0; i < 3600; ++i) clock.advance();
    EXPECT_DOUBLE_EQ(clock.timeS(), 60.0);
    EXPECT_EQ(clock.stepsFor(60.0), 3600);
}

TEST(Rng, SameSeedGivesSameStreamAndUniformIsInRange) {
    Rng a(7), b(7), c(8);
    bool differs = false;
    for (int i = 0; i < 1000; ++i) {
        double x = a.uniform();
        EXPECT_EQ(x, b.uniform());
        differs |= x != c.uniform();
        EXPECT_GE(x, 0.0);
        EXPECT_LT(x, 1.0);
    }
    EXPECT_TRUE(differs);
}

TEST(Rng, NormalHasTheRequestedMeanAndSpread) {
    Rng r(3);
    double sum = 0, sum2 = 0;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        double x = r.normal(5.0, 2.0);
        sum += x;
        sum2 += x * x;
    }
    double mean = sum / n;
    double sd = std::sqrt(sum2 / n - mean * mean);
    EXPECT_NEAR(mean, 5.0, 0.03);  // 4 standard errors (2/sqrt(1e5) = 0.0063)
    EXPECT_NEAR(sd, 2.0, 0.03);
}

TEST(Sha256, MatchesTheFips180Examples) {
    EXPECT_EQ(Sha256::hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256::hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Sha256::hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(StateHasher, DifferentStatesHashDifferently) {
    StateHasher a, b;
    a.add(1.0);
    b.add(1.0 + 1e-15);
    EXPECT_NE(a.value(), b.value());
    EXPECT_EQ(toHex(0xabcULL), "0000000000000abc");
}

TEST(JobPool, ParallelForCoversEveryIndexExactlyOnce) {
    JobPool pool(4);
    std::vector<std::atomic<int>> hits(10007);
    for (int round = 0; round < 20; ++round)
        pool.parallelFor(hits.size(), [&](std::size_t b, std::size_t e, unsigned) {
            for (std::size_t i = b; i < e; ++i) hits[i]++;
        });
    for (auto& h : hits) EXPECT_EQ(h.load(), 20);
}

TEST(Files, MissingFileErrorNamesThePath) {
    auto r = readTextFile("/nonexistent/dir/x.toml");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().str().find("/nonexistent/dir/x.toml"), std::string::npos);
}

// A directory opens as an empty stream: `--bot scenes/bots/` said "missing [bot] table".
TEST(Files, ADirectoryIsNotReadAsAnEmptyFile) {
    auto r = readTextFile(::testing::TempDir());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().str().find("is a directory, not a file"), std::string::npos) << r.error().str();
}

#include "core/parse_number.h"

TEST(ParseNumber, AcceptsWholeFiniteNumbersOnly) {
    double d = 0;
    EXPECT_TRUE(parseDouble("-12.5e1", d));
    EXPECT_DOUBLE_EQ(d, -125.0);
    for (const char* bad : {"", "12x", " ", "nan", "inf", "1e999"}) EXPECT_FALSE(parseDouble(bad, d)) << bad;
    std::uint64_t u = 0;
    EXPECT_TRUE(parseU64("18446744073709551615", u));
    EXPECT_EQ(u, 18446744073709551615ULL);
    for (const char* bad : {"", "-1", "+1", "18446744073709551616", "3.5"}) EXPECT_FALSE(parseU64(bad, u)) << bad;
}
