"""City-wide conditions every 15 minutes: weather, traffic demand and regional fine dust.

Every sensor series in the sandbox is derived from these shared drivers, which is what makes the data
hang together: air quality follows traffic and weather, rain keeps people in the shelters and visitors
away from the zoo's car park, streetlights follow the sun. Everything is seeded, so one seed, start and
length always give the same numbers.
"""

import math
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

STEP = timedelta(minutes=15)
STEPS_PER_DAY = 96
KST = ZoneInfo("Asia/Seoul")

# Seoul/Gwacheon monthly climate normals: mean air temperature (°C) and relative humidity (0–1).
MONTHLY_TEMPERATURE = (-2.4, 0.4, 5.7, 12.5, 17.8, 22.2, 24.9, 25.7, 21.2, 14.8, 7.2, 0.4)
MONTHLY_HUMIDITY = (0.56, 0.55, 0.56, 0.57, 0.62, 0.68, 0.79, 0.76, 0.69, 0.64, 0.62, 0.58)
# Regional PM10 background (µg/m³): yellow dust and heating in spring and winter, monsoon washout in summer.
MONTHLY_PM10 = (46, 50, 55, 48, 40, 32, 24, 22, 24, 32, 40, 44)

# Share of the daily traffic peak, by local hour (index 0..24, the last closes the day).
WEEKDAY_TRAFFIC = (
    0.10,
    0.06,
    0.04,
    0.04,
    0.07,
    0.20,
    0.50,
    0.88,
    1.00,
    0.78,
    0.62,
    0.60,
    0.64,
    0.62,
    0.60,
    0.64,
    0.72,
    0.88,
    0.96,
    0.80,
    0.55,
    0.40,
    0.30,
    0.18,
    0.10,
)
WEEKEND_TRAFFIC = (
    0.14,
    0.09,
    0.06,
    0.05,
    0.05,
    0.08,
    0.16,
    0.26,
    0.38,
    0.52,
    0.62,
    0.68,
    0.70,
    0.72,
    0.72,
    0.70,
    0.68,
    0.64,
    0.58,
    0.50,
    0.42,
    0.34,
    0.26,
    0.20,
    0.14,
)


def hourly(profile: tuple[float, ...], hour: float) -> float:
    """Linear interpolation in a 25-point hourly profile at a fractional local hour."""
    i = int(hour)
    f = hour - i
    return profile[i] * (1 - f) + profile[i + 1] * f


def sun_times(day: date, lat: float, lon: float) -> tuple[float, float]:
    """Local (KST) sunrise and sunset as fractional hours (NOAA's simplified solar equations)."""
    n = day.timetuple().tm_yday
    b = math.radians(360 / 365 * (n - 81))
    declination = math.radians(23.44) * math.sin(b)
    equation_of_time = 9.87 * math.sin(2 * b) - 7.53 * math.cos(b) - 1.5 * math.sin(b)
    noon = 12 + (135 - lon) / 15 - equation_of_time / 60
    phi = math.radians(lat)
    cos_omega = (math.sin(math.radians(-0.833)) - math.sin(phi) * math.sin(declination)) / (
        math.cos(phi) * math.cos(declination)
    )
    half_day = math.degrees(math.acos(max(-1.0, min(1.0, cos_omega)))) / 15
    return noon - half_day, noon + half_day


@dataclass(frozen=True)
class Window:
    """``steps`` 15-minute steps starting at ``start`` (UTC, aligned to a quarter hour)."""

    start: datetime
    steps: int

    @classmethod
    def days_from(cls, start: date, days: int) -> "Window":
        local_midnight = datetime.combine(start, time.min, tzinfo=KST)
        return cls(start=local_midnight.astimezone(UTC), steps=days * STEPS_PER_DAY)

    @cached_property
    def times(self) -> list[datetime]:
        return [self.start + i * STEP for i in range(self.steps)]

    @cached_property
    def stamps(self) -> list[str]:
        return [t.strftime("%Y-%m-%dT%H:%M:%SZ") for t in self.times]

    @cached_property
    def local(self) -> list[datetime]:
        return [t.astimezone(KST) for t in self.times]

    @property
    def end(self) -> datetime:
        return self.start + self.steps * STEP


@dataclass
class Conditions:
    """The city-wide drivers, one value per step."""

    hour: list[float]  # local fractional hour
    weekend: list[bool]
    daylight: list[bool]
    sun: list[float]  # 0 at night, 1 at solar noon
    temperature: list[float]  # °C
    humidity: list[float]  # 0–1
    wind_speed: list[float]  # m/s
    wind_direction: list[float]  # degrees
    precipitation: list[float]  # mm in the 15 minutes
    pressure: list[float]  # hPa
    raining: list[bool]
    traffic: list[float]  # city-wide share of the peak-hour demand, 0–1
    pm10_regional: list[float]  # µg/m³ before local traffic and dispersion


def _ar1(rng: random.Random, n: int, phi: float, sigma: float) -> list[float]:
    value, out = 0.0, []
    for _ in range(n):
        value = phi * value + rng.gauss(0, sigma)
        out.append(value)
    return out


def conditions(window: Window, *, seed: int, lat: float, lon: float) -> Conditions:
    rng = random.Random(f"{seed}:conditions")
    n = window.steps
    temp_anomaly = _ar1(rng, n, 0.995, 0.15)
    wind_noise = _ar1(rng, n, 0.97, 0.12)
    pressure_noise = _ar1(rng, n, 0.998, 0.18)
    pm_noise = _ar1(rng, n, 0.99, 0.06)
    direction_noise = _ar1(rng, n, 0.98, 6.0)

    out = Conditions(*([] for _ in range(13)))
    raining, wet_hours = False, 0.0
    sun_cache: dict[date, tuple[float, float]] = {}
    for i, local in enumerate(window.local):
        day = local.date()
        if day not in sun_cache:
            sun_cache[day] = sun_times(day, lat, lon)
        sunrise, sunset = sun_cache[day]
        hour = local.hour + local.minute / 60
        month = local.month - 1
        weekend = local.weekday() >= 5
        daylight = sunrise <= hour < sunset
        sun = max(0.0, math.sin(math.pi * (hour - sunrise) / (sunset - sunrise))) if daylight else 0.0

        # Rain comes in spells: a two-state chain, wetter in the monsoon months.
        start_p = 0.012 if month in (5, 6, 7) else 0.004
        raining = rng.random() < (0.93 if raining else start_p)
        precipitation = round(rng.uniform(0.2, 3.5 if month in (6, 7) else 1.6), 1) if raining else 0.0
        wet_hours = 4.0 if raining else max(0.0, wet_hours - 0.25)

        diurnal = 4.5 * math.cos(2 * math.pi * (hour - 15) / 24)
        temperature = MONTHLY_TEMPERATURE[month] + diurnal + temp_anomaly[i] * 2.0 - (1.5 if raining else 0.0)
        humidity = MONTHLY_HUMIDITY[month] - 0.12 * math.cos(2 * math.pi * (hour - 15) / 24)
        humidity = min(0.99, max(0.18, humidity + (0.25 if raining else 0.0) + rng.gauss(0, 0.015)))
        wind = max(0.2, (1.8 + 1.2 * sun) * math.exp(wind_noise[i]) + (1.0 if raining else 0.0))
        direction = (300 + 40 * math.sin(2 * math.pi * i / (STEPS_PER_DAY * 5)) + direction_noise[i]) % 360

        demand = hourly(WEEKEND_TRAFFIC if weekend else WEEKDAY_TRAFFIC, hour)
        traffic = demand * (1.04 if raining else 1.0) * (1 + rng.gauss(0, 0.03))

        washout = 0.55 if raining else 1 - 0.1 * wet_hours
        pm10_regional = MONTHLY_PM10[month] * math.exp(pm_noise[i]) * washout

        out.hour.append(hour)
        out.weekend.append(weekend)
        out.daylight.append(daylight)
        out.sun.append(sun)
        out.temperature.append(round(temperature, 1))
        out.humidity.append(round(humidity, 2))
        out.wind_speed.append(round(wind, 1))
        out.wind_direction.append(round(direction))
        out.precipitation.append(precipitation)
        out.pressure.append(
            round(1013 + 9 * pressure_noise[i] - (6 if raining else 0) + 6 * math.cos(2 * math.pi * month / 12), 1)
        )
        out.raining.append(raining)
        out.traffic.append(max(0.0, traffic))
        out.pm10_regional.append(pm10_regional)
    return out
