#pragma once
/// The Japan Meteorological Agency's instrumental seismic intensity (shindo) of a ground motion
/// record: the three components filtered (period effect, high cut, low cut), their vector sum,
/// the level a (gal) it reaches for 0.3 s in all, I = 2 log10 a + 0.94 (JMA, "Calculation of
/// the instrumental seismic intensity", 1996). The scale's classes say what people can do:
/// from 5+ many find it hard to walk without holding on, from 6- it is hard to stay standing,
/// from 6+ people cannot stand and can only crawl (JMA intensity scale, explanation table).
#include <string>

#include "physics/ground_motion.h"

namespace cd::physics {

struct SeismicIntensity {
    double instrumental = 0.0;  ///< I as JMA reports it: rounded to 0.01, then cut to 0.1
    double rawI = 0.0;          ///< 2 log10 a + 0.94 before rounding
    double aGal = 0.0;          ///< the filtered level reached for 0.3 s in all (cm/s^2)
    std::string jmaClass;       ///< "0" .. "4", "5-", "5+", "6-", "6+", "7"
};

/// The gain of the JMA filters at frequency f (Hz): sqrt(1/f) (period effect) times the high
/// cut 1 / sqrt(1 + 0.694 x^2 + 0.241 x^4 + 0.0557 x^6 + 0.009664 x^8 + 0.00134 x^10 +
/// 0.000155 x^12), x = f / 10, times the low cut sqrt(1 - exp(-(f / 0.5)^3)). Zero at f = 0.
double jmaFilterGain(double hz);
/// The class of an instrumental intensity: 4.5 <= I < 5.0 is "5-", 5.0-5.5 "5+", 5.5-6.0
/// "6-", 6.0-6.5 "6+", from 6.5 "7"; below 4.5 the integer nearest I.
std::string jmaClassName(double instrumental);
/// The record resampled at 100 Hz (JMA's rate), padded with 10 s of still ground each side and
/// filtered by FFT, each component: what the JMA intensity is read from. Its time starts 10 s
/// before the record's and ends 10 s after (the filters ring a little outside it). An empty or
/// one-sample record gives an empty one.
GroundMotion jmaFiltered(const GroundMotion& g);
/// The intensity of the whole record (of its filtered vector sum). An empty or one-sample record
/// gives I = 0 and class "0".
SeismicIntensity jmaIntensity(const GroundMotion& g);
/// The same of a record already filtered by jmaFiltered (at its 100 Hz).
SeismicIntensity jmaIntensityOfFiltered(const GroundMotion& filtered);

}  // namespace cd::physics
