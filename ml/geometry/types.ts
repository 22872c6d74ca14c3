/**
 * Geometry types shared by detection, tracking and counting.
 *
 * Convention everywhere in PlayAisle: image pixels, origin at the top-left
 * corner of the frame, x to the right, y downwards. Boxes are corner form
 * `x1 y1 x2 y2` with x1 <= x2 and y1 <= y2. Detector outputs are converted
 * to this form once, at the model boundary.
 */

export interface Point {
  x: number;
  y: number;
}

/** Axis-aligned box in pixels, corner form (top-left x1,y1; bottom-right x2,y2). */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Directed segment from `start` to `end`, in pixels. */
export interface Segment {
  start: Point;
  end: Point;
}

/** Closed polygon as a list of vertices in pixels; the last vertex joins the first. */
export type Polygon = readonly Point[];

/** Bottom-centre of a box: where a standing person's feet touch the floor. */
export function bottomCenter(box: Box): Point {
  return { x: (box.x1 + box.x2) / 2, y: box.y2 };
}

export function boxWidth(box: Box): number {
  return box.x2 - box.x1;
}

export function boxHeight(box: Box): number {
  return box.y2 - box.y1;
}
