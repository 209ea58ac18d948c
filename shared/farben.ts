/**
 * The charts' colours: the Okabe–Ito palette, distinguishable with the common colour vision
 * deficiencies (and never the only carrier of meaning — every series is also named).
 */
export const FARBE = {
  grau: "#8C8C8C",
  blau: "#0072B2",
  orange: "#E69F00",
  gruen: "#009E73",
  rot: "#D55E00",
  lila: "#CC79A7",
} as const;
