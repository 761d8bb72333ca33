#include "report_svg.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include "report/report_writer.h"

namespace cd::report {
namespace {

using record::SessionLog;

std::string esc(const std::string& s) { return htmlEscape(s); }

// A tick step from 1-2-5 (and minute-friendly) steps giving at most ~maxTicks ticks.
double niceStep(double span, int maxTicks) {
    static const double steps[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 20, 30, 60, 120, 300,
                                   600, 900, 1200, 1800, 3600, 7200, 18000, 36000};
    for (double s : steps)
        if (span / s <= maxTicks) return s;
    return std::ceil(span / maxTicks);
}

std::string timeLabel(double t, double durationS) {
    if (durationS >= 120.0) {
        int s = static_cast<int>(std::lround(t));
        char buf[32];
        std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
        return buf;
    }
    return num(t, 1) + " s";
}

// The time axis of timeline and plots: ticks and labels along y = yAxis.
std::string timeAxis(double x0, double x1, double yTop, double yAxis, double durationS) {
    std::string s;
    double step = niceStep(durationS, 10);
    for (double t = 0.0; t <= durationS + 1e-9; t += step) {
        double x = x0 + (x1 - x0) * t / durationS;
        s += "<line class=\"grid\" x1=\"" + num(x) + "\" y1=\"" + num(yTop) + "\" x2=\"" + num(x) + "\" y2=\"" +
             num(yAxis) + "\"/>";
        s += "<text class=\"tick\" x=\"" + num(x) + "\" y=\"" + num(yAxis + 14) + "\" text-anchor=\"middle\">" +
             timeLabel(t, durationS) + "</text>";
    }
    s += "<line class=\"axis\" x1=\"" + num(x0) + "\" y1=\"" + num(yAxis) + "\" x2=\"" + num(x1) + "\" y2=\"" +
         num(yAxis) + "\"/>";
    return s;
}

struct TimelineItem {
    double timeS = 0.0;
    std::string label;
    std::string tooltip;
    std::string colour;
    bool minor = false;  ///< drawn as a small tick without a label (moves, looks)
};

}  // namespace

std::string num(double v, int decimals) {
    if (!std::isfinite(v)) return "0";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::string fedColour(double fed) {
    // Okabe-Ito derived ramp: bluish green (safe) -> orange at 0.3 -> vermillion -> dark red at 1.
    struct Stop { double at; int r, g, b; };
    static const std::array<Stop, 4> stops{{{0.0, 0, 158, 115}, {0.3, 230, 159, 0}, {0.6, 213, 94, 0}, {1.0, 140, 20, 20}}};
    fed = std::clamp(fed, 0.0, 1.0);
    std::size_t i = 1;
    while (i + 1 < stops.size() && fed > stops[i].at) ++i;
    const Stop& a = stops[i - 1];
    const Stop& b = stops[i];
    double f = (fed - a.at) / (b.at - a.at);
    f = std::clamp(f, 0.0, 1.0);
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(a.r + (b.r - a.r) * f)),
                  static_cast<int>(std::lround(a.g + (b.g - a.g) * f)), static_cast<int>(std::lround(a.b + (b.b - a.b) * f)));
    return buf;
}

std::string eventColour(const std::string& kind) {
    auto starts = [&](const char* p) { return kind.rfind(p, 0) == 0; };
    if (kind.find("threshold") != std::string::npos) return "#7b3fa0";
    if (starts("fire.") || starts("smoke.")) return "#c62828";
    if (starts("alarm.")) return "#e08a00";
    if (starts("door.")) return "#8d6e63";
    if (starts("flood.") || starts("water.")) return "#1565c0";
    if (starts("collapse.") || starts("quake.")) return "#5d4037";
    if (starts("trainee.")) return "#00796b";
    return "#546e7a";
}

std::string timelineSvg(const SessionLog& log) {
    double duration = log.meta.durationS;
    for (const auto& e : log.events) duration = std::max(duration, e.timeS);
    for (const auto& a : log.actions) duration = std::max(duration, a.timeS);
    if (duration <= 0.0) duration = 1.0;

    std::vector<TimelineItem> lanes[3];
    const char* laneNames[3] = {"Scenario &amp; hazards", "Trainee events", "Trainee actions"};
    for (const auto& e : log.events) {
        TimelineItem it;
        it.timeS = e.timeS;
        it.label = e.kind + (e.subject.empty() ? "" : " " + e.subject);
        it.tooltip = num(e.timeS, 1) + " s  " + e.kind + (e.subject.empty() ? "" : " [" + e.subject + "]") +
                     (e.text.empty() ? "" : ": " + e.text);
        it.colour = eventColour(e.kind);
        it.minor = e.kind == "trainee.fed";
        lanes[e.kind.rfind("trainee.", 0) == 0 ? 1 : 0].push_back(std::move(it));
    }
    // FED crossings derived from the poses, unless the simulation logged its own.
    bool fedEvents = std::any_of(log.events.begin(), log.events.end(),
                                 [](const record::SimEvent& e) { return e.kind == "trainee.fed_threshold"; });
    if (!fedEvents) {
        std::vector<const record::PoseSample*> poses;
        for (const auto& p : log.poses) poses.push_back(&p);
        std::stable_sort(poses.begin(), poses.end(), [](auto* a, auto* b) { return a->timeS < b->timeS; });
        for (double mark : {0.3, 1.0}) {
            for (const auto* p : poses) {
                if (p->fed < mark) continue;
                TimelineItem it;
                it.timeS = p->timeS;
                it.label = std::string("FED ") + (mark < 1.0 ? "0.3" : "1.0") + " crossed";
                it.tooltip = num(p->timeS, 1) + " s  FED reached " + num(p->fed, 3) + " (from pose samples)";
                it.colour = eventColour("fed_threshold");
                lanes[1].push_back(std::move(it));
                break;
            }
        }
    }
    for (const auto& a : log.actions) {
        TimelineItem it;
        it.timeS = a.timeS;
        std::string kind = record::toString(a.kind);
        it.label = kind + (a.target.empty() ? "" : " " + a.target);
        it.tooltip = num(a.timeS, 1) + " s  " + kind + (a.target.empty() ? "" : " [" + a.target + "]") +
                     (a.text.empty() ? "" : ": " + a.text);
        it.minor = a.kind == record::ActionKind::Move || a.kind == record::ActionKind::Look;
        it.colour = it.minor ? "#90a4ae" : "#283593";
        lanes[2].push_back(std::move(it));
    }

    const double W = 960, x0 = 130, x1 = W - 24, laneH = 74, top = 10;
    const double axisY = top + 3 * laneH;
    const double H = axisY + 26;
    std::string s = "<svg class=\"figure\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(W) + " " + num(H) +
                    "\" role=\"img\" aria-label=\"Timeline of events and actions\">";
    s += timeAxis(x0, x1, top, axisY, duration);
    for (int l = 0; l < 3; ++l) {
        double base = top + (l + 1) * laneH - 12;  // marker line of the lane
        s += "<text class=\"lane\" x=\"" + num(x0 - 10) + "\" y=\"" + num(base + 4) + "\" text-anchor=\"end\">" +
             laneNames[l] + "</text>";
        s += "<line class=\"laneline\" x1=\"" + num(x0) + "\" y1=\"" + num(base) + "\" x2=\"" + num(x1) + "\" y2=\"" +
             num(base) + "\"/>";
        auto& items = lanes[l];
        std::stable_sort(items.begin(), items.end(),
                         [](const TimelineItem& a, const TimelineItem& b) { return a.timeS < b.timeS; });
        // Labels go on one of four rows above the marker line, the first row where they
        // do not overlap the previous label; a label with no room is left to the tooltip.
        double rowEnd[4] = {-1e9, -1e9, -1e9, -1e9};
        // Beyond this many markers a lane is unreadable anyway; the event table and the
        // database hold the rest.
        const std::size_t kMaxMarkers = 800;
        if (items.size() > kMaxMarkers) {
            s += "<text class=\"tick\" x=\"" + num(x1) + "\" y=\"" + num(base + 14) + "\" text-anchor=\"end\">" +
                 std::to_string(items.size() - kMaxMarkers) + " later markers not drawn</text>";
            items.resize(kMaxMarkers);
        }
        for (const auto& it : items) {
            double x = x0 + (x1 - x0) * it.timeS / duration;
            s += "<g><title>" + esc(it.tooltip) + "</title>";
            if (it.minor) {
                s += "<line x1=\"" + num(x) + "\" y1=\"" + num(base - 3) + "\" x2=\"" + num(x) + "\" y2=\"" +
                     num(base + 3) + "\" stroke=\"" + it.colour + "\" stroke-width=\"1\"/></g>";
                continue;
            }
            s += "<circle cx=\"" + num(x) + "\" cy=\"" + num(base) + "\" r=\"4\" fill=\"" + it.colour +
                 "\" stroke=\"#fff\" stroke-width=\"1\"/>";
            std::string label = it.label.size() > 28 ? it.label.substr(0, 27) + "\xE2\x80\xA6" : it.label;
            double width = 5.6 * static_cast<double>(std::min<std::size_t>(label.size(), 28)) + 4;
            bool flip = x + width > x1;  // labels near the right edge run leftwards
            double start = flip ? x - width : x;
            for (int row = 0; row < 4; ++row) {
                if (start > rowEnd[row] + 4) {
                    double y = base - 10 - row * 13;
                    rowEnd[row] = start + width;
                    s += "<line class=\"leader\" x1=\"" + num(x) + "\" y1=\"" + num(base - 4) + "\" x2=\"" + num(x) +
                         "\" y2=\"" + num(y + 2) + "\"/>";
                    s += "<text class=\"mark\" x=\"" + num(flip ? x - 2 : x + 2) + "\" y=\"" + num(y) + "\"" +
                         (flip ? " text-anchor=\"end\"" : "") + " fill=\"" + it.colour + "\">" + esc(label) + "</text>";
                    break;
                }
            }
            s += "</g>";
        }
    }
    s += "</svg>";
    return s;
}

std::string timePlotSvg(const std::string& title, const std::string& unit, double durationS,
                        const std::vector<PlotSeries>& series, const std::vector<PlotRefLine>& refs, double minY,
                        double maxY) {
    if (durationS <= 0.0) durationS = 1.0;
    if (!(maxY > minY)) maxY = minY + 1.0;
    const double W = 960, H = 230, x0 = 60, x1 = W - 120, y0 = 30, y1 = H - 32;
    auto X = [&](double t) { return x0 + (x1 - x0) * std::clamp(t / durationS, 0.0, 1.0); };
    auto Y = [&](double v) { return y1 - (y1 - y0) * (std::clamp(v, minY, maxY) - minY) / (maxY - minY); };
    std::string s = "<svg class=\"figure\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(W) + " " +
                    num(H) + "\" role=\"img\" aria-label=\"" + esc(title) + "\">";
    s += "<text class=\"plottitle\" x=\"" + num(x0) + "\" y=\"18\">" + esc(title) + " (" + esc(unit) + ")</text>";
    double step = niceStep(maxY - minY, 5);
    int decimals = step < 0.1 ? 2 : (step < 1 ? 1 : 0);
    for (double v = std::ceil(minY / step) * step; v <= maxY + 1e-9; v += step) {
        s += "<line class=\"grid\" x1=\"" + num(x0) + "\" y1=\"" + num(Y(v)) + "\" x2=\"" + num(x1) + "\" y2=\"" +
             num(Y(v)) + "\"/>";
        s += "<text class=\"tick\" x=\"" + num(x0 - 6) + "\" y=\"" + num(Y(v) + 4) + "\" text-anchor=\"end\">" +
             num(v, decimals) + "</text>";
    }
    s += timeAxis(x0, x1, y0, y1, durationS);
    s += "<line class=\"axis\" x1=\"" + num(x0) + "\" y1=\"" + num(y0) + "\" x2=\"" + num(x0) + "\" y2=\"" + num(y1) + "\"/>";
    for (const auto& r : refs) {
        if (r.value < minY || r.value > maxY) continue;
        s += "<line x1=\"" + num(x0) + "\" y1=\"" + num(Y(r.value)) + "\" x2=\"" + num(x1) + "\" y2=\"" +
             num(Y(r.value)) + "\" stroke=\"" + r.colour + "\" stroke-width=\"1.2\" stroke-dasharray=\"6 4\"/>";
        s += "<text class=\"reflabel\" x=\"" + num(x1 + 6) + "\" y=\"" + num(Y(r.value) + 4) + "\" fill=\"" + r.colour +
             "\">" + esc(r.label) + "</text>";
    }
    double legendY = 18;
    double legendX = x1 - 10;
    for (auto it = series.rbegin(); it != series.rend(); ++it) {
        const PlotSeries& ser = *it;
        if (ser.points.empty()) continue;
        std::string pts;
        for (const auto& [t, v] : ser.points) pts += num(X(t)) + "," + num(Y(v)) + " ";
        s += "<polyline fill=\"none\" stroke=\"" + ser.colour + "\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"" +
             pts + "\"/>";
        if (series.size() > 1) {
            s += "<text class=\"tick\" x=\"" + num(legendX) + "\" y=\"" + num(legendY) + "\" text-anchor=\"end\" fill=\"" +
                 ser.colour + "\">" + esc(ser.name) + "</text>";
            legendX -= 8.0 + 6.0 * static_cast<double>(ser.name.size());
        }
    }
    bool empty = std::all_of(series.begin(), series.end(), [](const PlotSeries& p) { return p.points.empty(); });
    if (empty)
        s += "<text class=\"tick\" x=\"" + num((x0 + x1) / 2) + "\" y=\"" + num((y0 + y1) / 2) +
             "\" text-anchor=\"middle\">no pose samples recorded</text>";
    s += "</svg>";
    return s;
}

std::string planSvg(const PlanStorey& storey, bool firstStorey, double nextFloorZ, const ReportExtras& extras,
                    const SessionLog& log) {
    auto onStorey = [&](const std::string& id) { return id == storey.id || (id.empty() && firstStorey); };
    auto poseHere = [&](double z) {
        return (firstStorey || z >= storey.floorZ - 0.5) && z < nextFloorZ - 0.5;
    };
    std::vector<const record::PoseSample*> path;
    for (const auto& p : log.poses)
        if (poseHere(p.z)) path.push_back(&p);
    std::stable_sort(path.begin(), path.end(),
                     [](const record::PoseSample* a, const record::PoseSample* b) { return a->timeS < b->timeS; });

    // World bounds of everything drawn on this storey.
    double minX = std::numeric_limits<double>::infinity(), minY = minX, maxX = -minX, maxY = -minX;
    auto grow = [&](double x, double y) {
        minX = std::min(minX, x); maxX = std::max(maxX, x);
        minY = std::min(minY, y); maxY = std::max(maxY, y);
    };
    for (const auto& r : storey.rooms) { grow(r.minX, r.minY); grow(r.maxX, r.maxY); }
    for (const auto& d : storey.doors) grow(d.x, d.y);
    for (const auto& d : storey.exits) grow(d.x, d.y);
    for (const auto& w : storey.windows) grow(w.x, w.y);
    for (const auto& f : extras.fires) if (onStorey(f.storey)) grow(f.x, f.y);
    if (extras.assemblyPoint && onStorey(extras.assemblyPoint->storey)) grow(extras.assemblyPoint->x, extras.assemblyPoint->y);
    for (const auto* p : path) grow(p->x, p->y);
    if (!std::isfinite(minX)) { minX = minY = 0; maxX = maxY = 10; }
    double pad = std::max(2.0, 0.04 * std::max(maxX - minX, maxY - minY));
    minX -= pad; minY -= pad; maxX += pad; maxY += pad;

    const double maxW = 920, maxH = 600;
    double scale = std::min(maxW / (maxX - minX), maxH / (maxY - minY));
    double W = (maxX - minX) * scale, H = (maxY - minY) * scale;
    auto X = [&](double x) { return (x - minX) * scale; };
    auto Y = [&](double y) { return (maxY - y) * scale; };  // north up

    // Markers' labels run to their right (6.2 units a character of the 10-unit bold font): the
    // figure widens to hold them (an exit at the east end of a building was cut off).
    double viewW = W;
    auto holdLabel = [&](double xWorld, double gap, const std::string& text) {
        viewW = std::max(viewW, X(xWorld) + gap + 6.2 * static_cast<double>(text.size()) + 4.0);
    };
    for (const auto& e : storey.exits) holdLabel(e.x, 9, e.label.empty() ? e.id : e.label);
    if (extras.assemblyPoint && onStorey(extras.assemblyPoint->storey))
        holdLabel(extras.assemblyPoint->x, 12, extras.assemblyPoint->label.empty() ? extras.assemblyPoint->id : extras.assemblyPoint->label);
    // And the FED legend below: it starts at max(160, W - 330) and takes 300 units.
    viewW = std::max(viewW, std::max(160.0, W - 330) + 304.0);
    // Drawn at most at its own size (1 unit a pixel): a narrow plan (a building and a long way
    // south to the assembly point) stretched to the page's width had labels three times their
    // size and a figure taller than the screen.
    std::string s = "<svg class=\"figure plan\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(viewW) + " " +
                    num(H + 34) + "\" style=\"max-width:" + num(viewW) + "px\" role=\"img\" aria-label=\"Plan of " +
                    esc(storey.name.empty() ? storey.id : storey.name) + "\">";
    s += "<rect x=\"0\" y=\"0\" width=\"" + num(viewW) + "\" height=\"" + num(H) + "\" fill=\"#fbfbf8\"/>";
    for (const auto& r : storey.rooms) {
        std::string kind = r.kind;
        static const char* known[] = {"room", "corridor", "stair", "lift", "hall", "exit", "outside", "hazard"};
        if (std::find(std::begin(known), std::end(known), kind) == std::end(known)) kind = "room";
        double rx = X(r.minX), ry = Y(r.maxY), rw = (r.maxX - r.minX) * scale, rh = (r.maxY - r.minY) * scale;
        std::string name = r.name.empty() ? r.id : r.name;
        s += "<g><title>" + esc(name + " (" + r.id + ", " + r.kind + ")") + "</title><rect class=\"rm-" + kind + "\" x=\"" +
             num(rx) + "\" y=\"" + num(ry) + "\" width=\"" + num(rw) + "\" height=\"" + num(rh) + "\"/>";
        if (rw > 5.5 * static_cast<double>(name.size()) + 6 && rh > 14)
            s += "<text class=\"rmlabel\" x=\"" + num(rx + rw / 2) + "\" y=\"" + num(ry + rh / 2 + 3) +
                 "\" text-anchor=\"middle\">" + esc(name) + "</text>";
        s += "</g>";
    }
    for (const auto& d : storey.doors) {
        s += "<g><title>door " + esc(d.label.empty() ? d.id : d.label) + "</title><rect class=\"door\" x=\"" +
             num(X(d.x) - 3.5) + "\" y=\"" + num(Y(d.y) - 3.5) + "\" width=\"7\" height=\"7\"/></g>";
    }
    for (const auto& w : storey.windows) {
        s += "<g><title>window " + esc(w.label.empty() ? w.id : w.label) + "</title><rect class=\"window\" x=\"" + num(X(w.x) - 6) +
             "\" y=\"" + num(Y(w.y) - 3) + "\" width=\"12\" height=\"6\"/></g>";
    }
    for (const auto& e : storey.exits) {
        double x = X(e.x), y = Y(e.y);
        s += "<g><title>exit " + esc(e.label.empty() ? e.id : e.label) + "</title><polygon class=\"exit\" points=\"" +
             num(x) + "," + num(y - 8) + " " + num(x + 7) + "," + num(y + 5) + " " + num(x - 7) + "," + num(y + 5) +
             "\"/><text class=\"mklabel\" x=\"" + num(x + 9) + "\" y=\"" + num(y + 4) + "\">" +
             esc(e.label.empty() ? e.id : e.label) + "</text></g>";
    }
    for (const auto& f : extras.fires) {
        if (!onStorey(f.storey)) continue;
        double x = X(f.x), y = Y(f.y);
        s += "<g><title>fire " + esc(f.label.empty() ? f.id : f.label) + "</title><circle class=\"fire-halo\" cx=\"" +
             num(x) + "\" cy=\"" + num(y) + "\" r=\"13\"/><path class=\"fire\" d=\"M" + num(x) + "," + num(y - 9) +
             " C" + num(x + 7) + "," + num(y - 2) + " " + num(x + 6) + "," + num(y + 7) + " " + num(x) + "," + num(y + 7) +
             " C" + num(x - 6) + "," + num(y + 7) + " " + num(x - 7) + "," + num(y - 2) + " " + num(x) + "," + num(y - 9) +
             "Z\"/></g>";
    }
    if (extras.assemblyPoint && onStorey(extras.assemblyPoint->storey)) {
        const PlanMarker& a = *extras.assemblyPoint;
        double x = X(a.x), y = Y(a.y);
        s += "<g><title>assembly point " + esc(a.label.empty() ? a.id : a.label) + "</title><circle class=\"assembly\" cx=\"" +
             num(x) + "\" cy=\"" + num(y) + "\" r=\"9\"/><text class=\"asmlabel\" x=\"" + num(x) + "\" y=\"" + num(y + 4) +
             "\" text-anchor=\"middle\">A</text><text class=\"mklabel\" x=\"" + num(x + 12) + "\" y=\"" + num(y + 4) + "\">" +
             esc(a.label.empty() ? a.id : a.label) + "</text></g>";
    }
    // The path, coloured by the FED at the end of each step; steps of the same colour are
    // joined into one polyline so that a long session stays a small file.
    for (std::size_t i = 1; i < path.size();) {
        std::string colour = fedColour(path[i]->fed);
        std::string pts = num(X(path[i - 1]->x)) + "," + num(Y(path[i - 1]->y));
        while (i < path.size() && fedColour(path[i]->fed) == colour) {
            pts += " " + num(X(path[i]->x)) + "," + num(Y(path[i]->y));
            ++i;
        }
        s += "<polyline fill=\"none\" stroke=\"" + colour +
             "\" stroke-width=\"3.2\" stroke-linecap=\"round\" stroke-linejoin=\"round\" points=\"" + pts + "\"/>";
    }
    if (!path.empty()) {
        const auto* a = path.front();
        const auto* b = path.back();
        s += "<g><title>start " + num(a->timeS, 1) + " s</title><circle class=\"pathstart\" cx=\"" + num(X(a->x)) + "\" cy=\"" +
             num(Y(a->y)) + "\" r=\"5\"/></g>";
        s += "<g><title>last pose on this storey " + num(b->timeS, 1) + " s, FED " + num(b->fed, 3) +
             "</title><rect class=\"pathend\" x=\"" + num(X(b->x) - 4.5) + "\" y=\"" + num(Y(b->y) - 4.5) +
             "\" width=\"9\" height=\"9\" fill=\"" + fedColour(b->fed) + "\"/></g>";
    }
    // Scale bar and FED legend below the plan.
    double bar = niceStep((maxX - minX) / 4.0, 1);
    double ly = H + 22;
    s += "<line class=\"axis\" x1=\"8\" y1=\"" + num(ly) + "\" x2=\"" + num(8 + bar * scale) + "\" y2=\"" + num(ly) + "\"/>";
    s += "<text class=\"tick\" x=\"" + num(12 + bar * scale) + "\" y=\"" + num(ly + 4) + "\">" + num(bar, 1) + " m</text>";
    double lx = std::max(160.0, W - 330);
    s += "<text class=\"tick\" x=\"" + num(lx) + "\" y=\"" + num(ly + 4) + "\">path FED</text>";
    const double marks[] = {0.0, 0.1, 0.3, 0.6, 1.0};
    for (int i = 0; i < 5; ++i) {
        double x = lx + 58 + i * 52;
        s += "<rect x=\"" + num(x) + "\" y=\"" + num(ly - 5) + "\" width=\"16\" height=\"10\" fill=\"" + fedColour(marks[i]) +
             "\"/><text class=\"tick\" x=\"" + num(x + 20) + "\" y=\"" + num(ly + 4) + "\">" + num(marks[i], 1) + "</text>";
    }
    s += "</svg>";
    return s;
}

}  // namespace cd::report
