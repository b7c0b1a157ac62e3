# Reference crosstabs computed with base R, written as JSON fixtures for
# tests/core/crosstab/reference.test.ts. Run through scripts/reference/make-fixtures.sh.
# Usage: Rscript crosstab-reference.R <datasets dir> <output json>
args <- commandArgs(trailingOnly = TRUE)
datasets <- args[[1]]
out <- args[[2]]
invisible(Sys.setlocale("LC_COLLATE", "C"))

read <- function(path) read.csv(file.path(datasets, path), na.strings = c("", "NA"),
                                check.names = FALSE, stringsAsFactors = FALSE)
masc <- read("fivethirtyeight/masculinity-survey/raw-responses.csv")
hdv <- read("questionr/questionr-hdv2003.csv")

# ---- JSON writing (base R only) ---------------------------------------------
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
str <- function(x) paste0('"', gsub('"', '\\"', gsub("\\", "\\\\", x, fixed = TRUE), fixed = TRUE), '"')
arr <- function(items) paste0("[", paste(items, collapse = ","), "]")
vec <- function(x) arr(num(x))
strs <- function(x) arr(str(x))
mat <- function(m) arr(apply(m, 1, vec))
obj <- function(...) {
  fields <- list(...)
  fields <- fields[!vapply(fields, is.null, logical(1))]
  paste0("{", paste(paste0(str(names(fields)), ":", unlist(fields)), collapse = ","), "}")
}

# ---- Column-proportion tests: pooled z, Bonferroni within each row ---------
letters_for <- function(props, bases) {
  k <- length(props)
  tested <- which(bases > 0)
  pairs <- length(tested) * (length(tested) - 1) / 2
  out <- character(k)
  if (pairs == 0) return(out)
  lower <- vector("list", k)
  for (a in tested) for (b in tested) if (a < b) {
    pooled <- (props[a] * bases[a] + props[b] * bases[b]) / (bases[a] + bases[b])
    v <- pooled * (1 - pooled) * (1 / bases[a] + 1 / bases[b])
    if (!(v > 0)) next
    z <- (props[a] - props[b]) / sqrt(v)
    p <- 2 * pnorm(-abs(z))
    if (min(1, p * pairs) < 0.05) {
      if (props[a] > props[b]) lower[[a]] <- c(lower[[a]], b)
      else if (props[b] > props[a]) lower[[b]] <- c(lower[[b]], a)
    }
  }
  vapply(seq_len(k), function(c) paste(LETTERS[sort(lower[[c]])], collapse = ""), "")
}

# ---- Single × single ---------------------------------------------------------
single_table <- function(name, file, d, rowvar, colvar, weight = NULL, filter = NULL) {
  keep <- rep(TRUE, nrow(d))
  if (!is.null(filter)) keep <- d[[filter$column]] %in% filter$values
  d <- d[keep, ]
  w <- if (is.null(weight)) rep(1, nrow(d)) else d[[weight]]
  rl <- sort(unique(na.omit(d[[rowvar]])))
  cl <- sort(unique(na.omit(d[[colvar]])))
  ok <- !is.na(d[[rowvar]]) & !is.na(d[[colvar]])
  f <- data.frame(r = factor(d[[rowvar]][ok], levels = rl), c = factor(d[[colvar]][ok], levels = cl), w = w[ok])
  counts <- unclass(xtabs(w ~ r + c, data = f))
  ucounts <- unclass(table(f$r, f$c))
  cs <- suppressWarnings(chisq.test(counts, correct = FALSE))
  expected <- outer(rowSums(counts), colSums(counts)) / sum(counts)
  props <- sweep(counts, 2, colSums(counts), "/")
  tests <- t(apply(props, 1, function(p) letters_for(p, colSums(ucounts))))
  obj(
    name = str(name), file = str(file), kind = str("single"),
    rows = str(rowvar), cols = str(colvar),
    weight = if (is.null(weight)) "null" else str(weight),
    filter = if (is.null(filter)) "null" else obj(column = str(filter$column), values = strs(filter$values)),
    rowLabels = strs(rl), colLabels = strs(cl),
    counts = mat(counts), unweightedCounts = mat(ucounts),
    colPercents = mat(100 * props),
    rowPercents = mat(100 * sweep(counts, 1, rowSums(counts), "/")),
    totalPercents = mat(100 * counts / sum(counts)),
    total = num(sum(counts)), unweightedTotal = num(sum(ucounts)),
    missingRows = num(sum(is.na(d[[rowvar]]))), missingCols = num(sum(is.na(d[[colvar]]))),
    chiSquare = obj(statistic = num(unname(cs$statistic)), df = num(unname(cs$parameter)),
                    p = num(pchisq(unname(cs$statistic), unname(cs$parameter), lower.tail = FALSE))),
    expectedBelow5 = num(sum(expected < 5)),
    tests = arr(apply(tests, 1, strs))
  )
}

# ---- Multi-answer rows × single columns ---------------------------------------
# options: named character vector, names = option labels, values = source columns;
# chosen: a function telling whether a cell value means "chose it".
multi_table <- function(name, file, d, question, options, chosen, colvar, weight = NULL) {
  w <- if (is.null(weight)) rep(1, nrow(d)) else d[[weight]]
  sel <- sapply(options, function(col) chosen(d[[col]]))
  asked <- rowSums(!is.na(sapply(options, function(col) d[[col]]))) > 0
  cl <- sort(unique(na.omit(d[[colvar]])))
  ok <- asked & !is.na(d[[colvar]])
  sel[is.na(sel)] <- FALSE
  cf <- factor(d[[colvar]], levels = cl)
  counts <- t(sapply(seq_along(options), function(j) tapply(w[ok] * sel[ok, j], cf[ok], sum)))
  ucounts <- t(sapply(seq_along(options), function(j) tapply(sel[ok, j] * 1, cf[ok], sum)))
  respondents <- tapply(w[ok], cf[ok], sum)
  urespondents <- tapply(rep(1, sum(ok)), cf[ok], sum)
  cases <- tapply(w[ok] * (rowSums(sel[ok, , drop = FALSE]) > 0), cf[ok], sum)
  responses <- tapply(w[ok] * rowSums(sel[ok, , drop = FALSE]), cf[ok], sum)
  props <- sweep(counts, 2, respondents, "/")
  tests <- t(apply(props, 1, function(p) letters_for(p, urespondents)))
  obj(
    name = str(name), file = str(file), kind = str("multi"), question = str(question),
    optionColumns = strs(unname(options)), cols = str(colvar),
    weight = if (is.null(weight)) "null" else str(weight),
    rowLabels = strs(names(options)), colLabels = strs(cl),
    counts = mat(counts), unweightedCounts = mat(ucounts),
    colBases = vec(respondents), colCases = vec(cases), colResponses = vec(responses),
    colPercentsOfRespondents = mat(100 * props),
    colPercentsOfCases = mat(100 * sweep(counts, 2, cases, "/")),
    colPercentsOfResponses = mat(100 * sweep(counts, 2, responses, "/")),
    total = num(sum(w[ok])), unweightedTotal = num(sum(ok)),
    tests = arr(apply(tests, 1, strs))
  )
}

masc_q4 <- c(
  "Father or father figure(s)" = "q0004_0001", "Mother or mother figure(s)" = "q0004_0002",
  "Other family members" = "q0004_0003", "Pop culture" = "q0004_0004", "Friends" = "q0004_0005",
  "Other (please specify)" = "q0004_0006")
hdv_leisure <- c("hard.rock" = "hard.rock", "lecture.bd" = "lecture.bd", "peche.chasse" = "peche.chasse",
  "cuisine" = "cuisine", "bricol" = "bricol", "cinema" = "cinema", "sport" = "sport")
M <- "fivethirtyeight/masculinity-survey/raw-responses.csv"
H <- "questionr/questionr-hdv2003.csv"
tables <- c(
  single_table("masculinity q0001 x age3, weighted", M, masc, "q0001", "age3", "weight"),
  single_table("masculinity q0001 x age3, unweighted", M, masc, "q0001", "age3"),
  single_table("masculinity q0001 x orientation, weighted", M, masc, "q0001", "orientation", "weight"),
  single_table("masculinity q0005 x racethn4, weighted, filter age3 = 18 - 34", M, masc, "q0005", "racethn4",
               "weight", list(column = "age3", values = c("18 - 34"))),
  single_table("hdv2003 nivetud x sexe, weighted", H, hdv, "nivetud", "sexe", "poids"),
  single_table("hdv2003 qualif x nivetud, unweighted", H, hdv, "qualif", "nivetud"),
  single_table("hdv2003 trav.satisf x relig, weighted, filter sexe = Femme", H, hdv, "trav.satisf", "relig",
               "poids", list(column = "sexe", values = c("Femme"))),
  multi_table("masculinity q0004 (multi) x age3, weighted", M, masc, "q0004", masc_q4,
              function(v) ifelse(is.na(v), NA, v != "Not selected"), "age3", "weight"),
  multi_table("masculinity q0004 (multi) x orientation, unweighted", M, masc, "q0004", masc_q4,
              function(v) ifelse(is.na(v), NA, v != "Not selected"), "orientation"),
  multi_table("hdv2003 leisure (multi) x sexe, weighted", H, hdv, "leisure", hdv_leisure,
              function(v) ifelse(is.na(v), NA, v == "Oui"), "sexe", "poids")
)
writeLines(paste0(obj(generator = str(R.version.string), tables = arr(tables)), "\n"), out)
