// notebook-npm-[hash].js, reprinted
import { a } from "./chunk-[hash].js";
export {
  a as default
};

// chunk-[hash].js, reprinted
function w(t, u) {
  return t == null || u == null ? NaN : t < u ? -1 : t > u ? 1 : t >= u ? 0 : NaN;
}
function N(t, u) {
  return t == null || u == null ? NaN : u < t ? -1 : u > t ? 1 : u >= t ? 0 : NaN;
}
function x(t) {
  let u, i, r;
  t.length !== 2 ? (u = w, i = (l, c) => w(t(l), c), r = (l, c) => t(l) - c) : (u = t === w || t === N ? t : E, i = t, r = t);
  function e(l, c, f = 0, d = l.length) {
    if (f < d) {
      if (u(c, c) !== 0) return d;
      do {
        let h = f + d >>> 1;
        i(l[h], c) < 0 ? f = h + 1 : d = h;
      } while (f < d);
    }
    return f;
  }
  function n(l, c, f = 0, d = l.length) {
    if (f < d) {
      if (u(c, c) !== 0) return d;
      do {
        let h = f + d >>> 1;
        i(l[h], c) <= 0 ? f = h + 1 : d = h;
      } while (f < d);
    }
    return f;
  }
  function o(l, c, f = 0, d = l.length) {
    let h = e(l, c, f, d - 1);
    return h > f && r(l[h - 1], c) > -r(l[h], c) ? h - 1 : h;
  }
  return { left: e, center: o, right: n };
}
function E() {
  return 0;
}
function j(t) {
  return t === null ? NaN : +t;
}
var b = x(w), O = b.right, T = b.left, L = x(j).center;
var V = p(A), z = p(I);
function p(t) {
  return function(u, i, r = i) {
    if (!((i = +i) >= 0)) throw new RangeError("invalid rx");
    if (!((r = +r) >= 0)) throw new RangeError("invalid ry");
    let { data: e, width: n, height: o } = u;
    if (!((n = Math.floor(n)) >= 0)) throw new RangeError("invalid width");
    if (!((o = Math.floor(o !== void 0 ? o : e.length / n)) >= 0)) throw new RangeError("invalid height");
    if (!n || !o || !i && !r) return u;
    let l = i && t(i), c = r && t(r), f = e.slice();
    return l && c ? (m(l, f, e, n, o), m(l, e, f, n, o), m(l, f, e, n, o), a(c, e, f, n, o), a(c, f, e, n, o), a(c, e, f, n, o)) : l ? (m(l, e, f, n, o), m(l, f, e, n, o), m(l, e, f, n, o)) : c && (a(c, e, f, n, o), a(c, f, e, n, o), a(c, e, f, n, o)), u;
  };
}
function m(t, u, i, r, e) {
  for (let n = 0, o = r * e; n < o; ) t(u, i, n, n += r, 1);
}
function a(t, u, i, r, e) {
  for (let n = 0, o = r * e; n < r; ++n) t(u, i, n, n + o, r);
}
function I(t) {
  let u = A(t);
  return (i, r, e, n, o) => {
    e <<= 2, n <<= 2, o <<= 2, u(i, r, e + 0, n + 0, o), u(i, r, e + 1, n + 1, o), u(i, r, e + 2, n + 2, o), u(i, r, e + 3, n + 3, o);
  };
}
function A(t) {
  let u = Math.floor(t);
  if (u === t) return q(t);
  let i = t - u, r = 2 * t + 1;
  return (e, n, o, l, c) => {
    if (!((l -= c) >= o)) return;
    let f = u * n[o], d = c * u, h = d + c;
    for (let s = o, g = o + d; s < g; s += c) f += n[Math.min(l, s)];
    for (let s = o, g = l; s <= g; s += c) f += n[Math.min(l, s + d)], e[s] = (f + i * (n[Math.max(o, s - h)] + n[Math.min(l, s + h)])) / r, f -= n[Math.max(o, s - d)];
  };
}
function q(t) {
  let u = 2 * t + 1;
  return (i, r, e, n, o) => {
    if (!((n -= o) >= e)) return;
    let l = t * r[e], c = o * t;
    for (let f = e, d = e + c; f < d; f += o) l += r[Math.min(n, f)];
    for (let f = e, d = n; f <= d; f += o) l += r[Math.min(n, f + c)], i[f] = l / u, l -= r[Math.max(e, f - c)];
  };
}
function y(t, u) {
  let i, r;
  if (u === void 0) for (let e of t) e != null && (i === void 0 ? e >= e && (i = r = e) : (i > e && (i = e), r < e && (r = e)));
  else {
    let e = -1;
    for (let n of t) (n = u(n, ++e, t)) != null && (i === void 0 ? n >= n && (i = r = n) : (i > n && (i = n), r < n && (r = n)));
  }
  return [i, r];
}
var R = Array.prototype, F = R.slice;
var D = Math.sqrt(50), S = Math.sqrt(10), U = Math.sqrt(2);
var _ = k(Math.random);
function k(t) {
  return function(i, r = 0, e = i.length) {
    let n = e - (r = +r);
    for (; n; ) {
      let o = t() * n-- | 0, l = i[n + r];
      i[n + r] = i[o + r], i[o + r] = l;
    }
    return i;
  };
}
function M(t, u) {
  let i = 0;
  if (u === void 0) for (let r of t) (r = +r) && (i += r);
  else {
    let r = -1;
    for (let e of t) (e = +u(e, ++r, t)) && (i += e);
  }
  return i;
}
var P = { path: "npm.md", cells: [{ id: "a4f6d4fd", inputs: [], outputs: [], expression: false, inline: false, position: { line: 10, column: 1 }, bodyLine: 4, body: () => {
} }, { id: "f5d70e4c", inputs: [], outputs: [], expression: true, inline: false, position: { line: 14, column: 1 }, bodyLine: 7, body: () => M([1, 2, 3.5]) }, { id: "bb806fa8", inputs: [], outputs: [], expression: true, inline: true, position: { line: 17, column: 19 }, bodyLine: 10, body: () => y([3, 1, 2]).join("\u2013") }], imports: { sum: M, extent: y } };
export {
  P as a
};
