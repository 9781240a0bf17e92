/** A run of lines of a file, 1-based and inclusive at both ends (git, blame, anchors, diagnostics). */
export interface LineRange {
  startLine: number;
  endLine: number;
}
