//! Dollar amounts known only within bounds.
//!
//! Sources give ranges ("$6,000-$50,000"), lower bounds ("$60K+") and approximations
//! ("~$90"). Arithmetic on them is interval arithmetic, so that a result never looks more
//! precise than its inputs. An open top is `f64::INFINITY`; differences can open the bottom.

use crate::domain::vendor::{Claim, Figure};
use serde::{Deserialize, Serialize};

/// In JSON (every answer, and what a server function sends the browser) an open end is
/// `null`: a `low` of `null` has no floor, a `high` of `null` no ceiling
/// (`{"low":60000.0,"high":null,"approx":false}` is "$60,000 or more"). JSON has no
/// infinity, and this is the one way every answer writes an open-ended range.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Span {
    #[serde(with = "open_low")]
    pub low: f64,
    #[serde(with = "open_high")]
    pub high: f64,
    /// The source marked the figure approximate ("~").
    pub approx: bool,
}

/// A bound as JSON: a number, or `null` where it is open (infinite).
fn write_bound<S: serde::Serializer>(x: f64, s: S) -> Result<S::Ok, S::Error> {
    x.is_finite().then_some(x).serialize(s)
}

/// `low`: `null` is no floor (−∞).
mod open_low {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        super::write_bound(*x, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NEG_INFINITY))
    }
}

/// `high`: `null` is no ceiling (+∞).
mod open_high {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        super::write_bound(*x, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}

impl Span {
    pub fn point(x: f64) -> Span {
        Span {
            low: x,
            high: x,
            approx: false,
        }
    }

    pub fn range(low: f64, high: f64) -> Span {
        Span {
            low,
            high,
            approx: false,
        }
    }

    pub fn at_least(x: f64) -> Span {
        Span::range(x, f64::INFINITY)
    }

    pub fn approx(mut self, approx: bool) -> Span {
        self.approx |= approx;
        self
    }

    /// The span of one unit of a figure (before seats and periods).
    pub fn of_figure(f: &Figure) -> Span {
        let (low, high) = match (f.amount, f.low, f.high) {
            (Some(a), _, _) => (a, a),
            (None, Some(lo), Some(hi)) => (lo, hi),
            // Validation rejects any other shape; treat it as nothing known.
            _ => (0.0, f64::INFINITY),
        };
        let high = if f.or_more { f64::INFINITY } else { high };
        Span::range(low, high).approx(f.approx)
    }

    pub fn of_claim(c: &Claim) -> Span {
        let s = if c.or_more {
            Span::at_least(c.amount)
        } else {
            Span::point(c.amount)
        };
        s.approx(c.approx)
    }

    pub fn is_point(&self) -> bool {
        self.low == self.high
    }

    pub fn is_open(&self) -> bool {
        self.high.is_infinite() || self.low.is_infinite()
    }

    /// Open at both ends: the difference of two open-ended prices says nothing.
    pub fn is_unbounded(&self) -> bool {
        self.high.is_infinite() && self.low.is_infinite()
    }

    /// Multiplies by a non-negative factor (seats, months).
    pub fn scale(self, k: f64) -> Span {
        debug_assert!(k >= 0.0);
        // 0 × ∞ is NaN; nothing times zero is zero.
        if k == 0.0 {
            return Span::point(0.0).approx(self.approx);
        }
        Span {
            low: self.low * k,
            high: self.high * k,
            approx: self.approx,
        }
    }

    pub fn plus(self, o: Span) -> Span {
        Span {
            low: self.low + o.low,
            high: self.high + o.high,
            approx: self.approx || o.approx,
        }
    }

    /// `self − o` in interval arithmetic: the widest possible difference.
    pub fn minus(self, o: Span) -> Span {
        Span {
            low: self.low - o.high,
            high: self.high - o.low,
            approx: self.approx || o.approx,
        }
    }

    pub fn contains(&self, x: f64, tolerance: f64) -> bool {
        let slack = |v: f64| v.abs() * tolerance;
        x >= self.low - slack(self.low) && x <= self.high + slack(self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_ends_survive_a_json_round_trip() {
        let s = Span::at_least(36_000.0).minus(Span::point(588.0));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"low":35412.0,"high":null,"approx":false}"#);
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), s);
        let both = Span::range(f64::NEG_INFINITY, f64::INFINITY);
        let json = serde_json::to_string(&both).unwrap();
        assert_eq!(json, r#"{"low":null,"high":null,"approx":false}"#);
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), both);
    }

    #[test]
    fn subtraction_widens() {
        let d = Span::range(6000.0, 50000.0).minus(Span::point(11760.0));
        assert_eq!((d.low, d.high), (-5760.0, 38240.0));
    }

    #[test]
    fn open_ends_propagate() {
        let d = Span::at_least(60000.0).minus(Span::at_least(6000.0));
        assert!(d.low.is_infinite() && d.low < 0.0);
        assert!(d.high.is_infinite());
        assert_eq!(Span::at_least(5.0).scale(0.0), Span::point(0.0));
    }
}
