#include "row_codec.h"

#include <cstdio>

#include "core/hash.h"

namespace cd::record {

CanonicalRow::CanonicalRow(std::string_view table, std::int64_t seq) {
    text_.append(table);
    add(seq);
}

CanonicalRow& CanonicalRow::add(std::int64_t v) {
    text_ += '|';
    text_ += std::to_string(v);
    return *this;
}

CanonicalRow& CanonicalRow::add(double v) {
    text_ += '|';
    text_ += exactDouble(v);
    return *this;
}

CanonicalRow& CanonicalRow::add(std::string_view s) {
    // Length-prefixed, so no choice of text can imitate a field boundary.
    text_ += '|';
    text_ += std::to_string(s.size());
    text_ += ':';
    text_.append(s);
    return *this;
}

std::string exactDouble(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string canonicalMeta(std::int64_t seq, std::string_view key, std::string_view value) {
    return CanonicalRow("meta", seq).add(key).add(value).text();
}

std::string canonicalAction(std::int64_t seq, std::int64_t tick, const TraineeAction& a) {
    return CanonicalRow("actions", seq)
        .add(tick).add(a.timeS).add(a.trainee).add(std::string_view(toString(a.kind))).add(a.target)
        .add(a.x).add(a.y).add(a.z).add(a.value).add(a.text)
        .text();
}

std::string canonicalEvent(std::int64_t seq, std::int64_t tick, const SimEvent& e) {
    return CanonicalRow("events", seq)
        .add(tick).add(e.timeS).add(e.kind).add(e.subject).add(e.value).add(e.text)
        .text();
}

std::string canonicalPose(std::int64_t seq, std::int64_t tick, const PoseSample& p) {
    return CanonicalRow("poses", seq)
        .add(tick).add(p.timeS).add(p.trainee).add(p.x).add(p.y).add(p.z)
        .add(p.yawDeg).add(p.pitchDeg).add(p.room).add(p.fed).add(p.visibilityM).add(p.temperatureC)
        .text();
}

std::string canonicalHash(std::int64_t seq, std::int64_t tick, double timeS, std::string_view hashHex) {
    return CanonicalRow("hashes", seq).add(tick).add(timeS).add(hashHex).text();
}

std::string chainNext(const std::string& previous, const std::string& canonical) {
    Sha256 sha;
    sha.update(previous);
    sha.update("\n", 1);
    sha.update(canonical);
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(64);
    for (std::uint8_t b : sha.finish()) {
        out += digits[b >> 4];
        out += digits[b & 15];
    }
    return out;
}

}  // namespace cd::record
