// Plain arrays for the histograms weighted counting adds to.
//
// Why not Float64Array: V8 checks, before each read and each write of a typed
// array a function was given, that the array's buffer has not been detached,
// once any buffer in the program has been (the page's are, whenever it hands
// data to its workers, and Node's when a worker's result is transferred). A
// histogram is read and written for every respondent, three sums at a time,
// so the checks cost as much as the sums: at 1M respondents Q1 × Q2 weighted
// counts in 1.9 ms into a plain array of doubles against 2.7 ms into a
// Float64Array (npm run bench, case ss-w). A plain array needs no such check.
//
// Their cost is making them: some 8 ns a double, where a Float64Array of any
// size is made at once. So only histograms small beside the respondents
// counted into them are plain arrays, and each kernel is given one kind of
// array only (a loop that sees both is slower than either).

/** `size` zeros held as doubles from the start, so the first weight added does not convert the array. */
export function doubles(size: number): number[] {
  const a = new Array<number>(size).fill(0);
  if (size === 0) return a;
  a[0] = 0.5; // one store of a fraction makes every element a double, here rather than in the loop
  a[0] = 0;
  return a;
}
