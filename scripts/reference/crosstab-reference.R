# Reference crosstabs computed with base R, written as JSON fixtures for
# tests/core/crosstab/reference.test.ts. Run through scripts/reference/make-fixtures.sh.
# Usage: Rscript crosstab-reference.R <datasets dir> <output json> [<tabs json> [<counts json>]]
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
# The one rule for letters (src/core/tabs/letters.ts): a crosstab's columns are a
# banner of one group, compared pairwise at 95% (adjusted p < 1 - 0.95), the p of
# a row's pairs Bonferroni-corrected together, on Kish effective bases
# sum(w)^2 / sum(w^2) of each column when weighted (the respondents when not).
kish <- function(w) if (sum(w^2) > 0) sum(w)^2 / sum(w^2) else 0
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
    if (min(1, p * pairs) < 1 - 0.95) {
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
  effective <- if (is.null(weight)) colSums(ucounts) else vapply(cl, function(l) kish(f$w[f$c == l]), 0)
  tests <- t(apply(props, 1, function(p) letters_for(p, effective)))
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
    effectiveBases = vec(unname(effective)), effectiveTotal = num(kish(f$w)),
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
  effective <- if (is.null(weight)) urespondents else tapply(w[ok], cf[ok], kish)
  tests <- t(apply(props, 1, function(p) letters_for(p, effective)))
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
    effectiveBases = vec(unname(effective)), effectiveTotal = num(kish(w[ok])),
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

# ---- Tab books (tests/core/tabs/reference.test.ts) ------------------------------
# Written to the third argument. Base R only; every definition as
# src/core/tabs documents it:
#   effective base (Kish)  sum(w)^2 / sum(w^2)
#   mean                   sum(w * x) / sum(w)
#   SD (frequency weights) sqrt(sum(w * (x - mean)^2) / (sum(w) - 1))
#   median                 the smallest x whose cumulative weight reaches half the total:
#                          o <- order(x); x[o][which(cumsum(w[o]) >= sum(w) / 2)[1]]
#   proportions            pooled two-proportion z-test on effective bases
#   means                  Welch's t-test on effective bases (t.test(var.equal = FALSE) unweighted)
#   corrections            p.adjust(method = "bonferroni" | "BH") over one row's comparisons in a group
# Letters are written as "U:<label>" (95%) or "L:<label>" (the lower level) of the
# column a cell is higher than (its own label when compared with the rest).
if (length(args) >= 3) {
  tabs_out <- args[[3]]
  moments <- function(x, w) {
    if (length(x) == 0) return(list(n = 0, sumW = 0, sumW2 = 0, mean = NA, var = NA, median = NA, ne = 0))
    sw <- sum(w)
    m <- sum(w * x) / sw
    o <- order(x)
    list(n = length(x), sumW = sw, sumW2 = sum(w^2), mean = m,
         var = if (sw > 1) sum(w * (x - m)^2) / (sw - 1) else NA,
         median = x[o][which(cumsum(w[o]) >= sw / 2)[1]], ne = kish(w))
  }
  z_p <- function(p1, n1, p2, n2) {
    pooled <- (p1 * n1 + p2 * n2) / (n1 + n2)
    v <- pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if (!(v > 0)) return(1)
    2 * pnorm(-abs((p1 - p2) / sqrt(v)))
  }
  welch_p <- function(a, b) {
    sa <- a$var / a$ne
    sb <- b$var / b$ne
    se2 <- sa + sb
    if (!(se2 > 0)) return(1)
    t <- (a$mean - b$mean) / sqrt(se2)
    df <- se2^2 / (sa^2 / (a$ne - 1) + sb^2 / (b$ne - 1))
    min(1, 2 * pt(-abs(t), df))
  }
  testable_mean <- function(m) !is.na(m$mean) && !is.na(m$var) && m$ne > 1
  # One row of one group: testable columns idx (book columns), pair(a, b) and rest(c)
  # give list(p, diff); returns, per book column, its letters.
  group_letters <- function(ncol, labels, idx, tests, pair, rest) {
    found <- list()
    if (tests$compare == "group") {
      for (i in seq_along(idx)) for (j in seq_along(idx)) if (i < j) {
        a <- idx[i]; b <- idx[j]; r <- pair(a, b)
        found[[length(found) + 1]] <- list(
          w = if (r$diff > 0) a else if (r$diff < 0) b else NA,
          l = if (r$diff >= 0) b else a, p = r$p)
      }
    } else {
      for (c in idx) {
        r <- rest(c)
        if (is.null(r)) next
        found[[length(found) + 1]] <- list(w = if (r$diff > 0) c else NA, l = c, p = r$p)
      }
    }
    out <- rep(list(character(0)), ncol)
    if (length(found) == 0) return(out)
    p <- vapply(found, function(f) f$p, 0)
    adj <- switch(tests$correction, none = p, bonferroni = p.adjust(p, "bonferroni"),
                  bh = p.adjust(p, "BH"))
    for (k in seq_along(found)) {
      f <- found[[k]]
      if (is.na(f$w)) next
      tag <- if (adj[k] < 1 - tests$level) "U"
             else if (!is.null(tests$lowerLevel) && adj[k] < 1 - tests$lowerLevel) "L" else NA
      if (!is.na(tag)) out[[f$w]] <- c(out[[f$w]], paste0(tag, ":", labels[f$l]))
    }
    out
  }
  strs0 <- function(x) if (length(x) == 0) "[]" else strs(x)
  cells <- function(l) arr(vapply(l, strs0, ""))
  # members[[c]]: logical, respondent in book column c (Total first).
  book_columns <- function(d, banner) {
    cols <- list(list(group = "Total", label = "Total", members = rep(TRUE, nrow(d))))
    for (b in banner) for (lab in sort(unique(na.omit(d[[b]]))))
      cols[[length(cols) + 1]] <- list(group = b, label = lab, members = !is.na(d[[b]]) & d[[b]] == lab)
    cols
  }
  groups_of <- function(cols) {
    g <- vapply(cols, function(c) c$group, "")
    lapply(setdiff(unique(g), "Total"), function(x) which(g == x))
  }
  numeric_table <- function(d, w, cols, id, tests, tag = "numeric", scores = NULL) {
    x <- if (is.null(scores)) d[[id]] else unname(scores[d[[id]]])
    has <- !is.na(x)
    ms <- lapply(cols, function(c) moments(x[has & c$members], w[has & c$members]))
    labels <- vapply(cols, function(c) c$label, "")
    letters <- rep(list(character(0)), length(cols))
    for (g in groups_of(cols)) {
      idx <- g[vapply(g, function(c) testable_mean(ms[[c]]), TRUE)]
      got <- group_letters(length(cols), labels, idx, tests,
        function(a, b) list(p = welch_p(ms[[a]], ms[[b]]), diff = ms[[a]]$mean - ms[[b]]$mean),
        function(c) {
          keep <- has & !cols[[c]]$members
          r <- moments(x[keep], w[keep])
          if (!testable_mean(r)) return(NULL)
          list(p = welch_p(ms[[c]], r), diff = ms[[c]]$mean - r$mean)
        })
      for (c in g) letters[[c]] <- got[[c]]
    }
    # Unweighted, the test is R's own Welch test.
    if (all(w == 1)) for (g in groups_of(cols)) for (a in g) for (b in g)
      if (a < b && ms[[a]]$n > 1 && ms[[b]]$n > 1 && testable_mean(ms[[a]]) && testable_mean(ms[[b]]))
        stopifnot(abs(welch_p(ms[[a]], ms[[b]]) -
                      t.test(x[has & cols[[a]]$members], x[has & cols[[b]]$members])$p.value) < 1e-12)
    field <- function(f) vec(vapply(ms, function(m) as.numeric(m[[f]]), 0))
    obj(question = str(id), type = str(tag),
        scores = if (is.null(scores)) NULL else obj_scores(scores),
        stats = obj(mean = field("mean"), sd = vec(vapply(ms, function(m) sqrt(as.numeric(m$var)), 0)),
                    median = field("median"), n = field("n"), sumW = field("sumW"),
                    effective = field("ne"), letters = cells(letters)))
  }
  obj_scores <- function(scores) paste0("{", paste(paste0(str(names(scores)), ":", num(unname(scores))), collapse = ","), "}")
  # chosen: logical matrix respondents × options (NA row = not asked), or a single column.
  categorical_table <- function(d, w, cols, id, tests, options = NULL, chosen = NULL, nets = NULL,
                                scale = NULL) {
    if (is.null(chosen)) {
      labs <- sort(unique(na.omit(d[[id]])))
      chosen <- sapply(labs, function(l) d[[id]] == l)
      asked <- !is.na(d[[id]])
      type <- "single"
    } else {
      labs <- options
      asked <- rowSums(!is.na(chosen)) > 0
      chosen[is.na(chosen)] <- FALSE
      type <- "multi"
    }
    chosen[is.na(chosen)] <- FALSE
    if (!is.null(nets)) for (n in names(nets)) {
      chosen <- cbind(chosen, rowSums(chosen[, nets[[n]], drop = FALSE]) > 0)
      labs <- c(labs, n)
    }
    labels <- vapply(cols, function(c) c$label, "")
    base_w <- vapply(cols, function(c) sum(w[asked & c$members]), 0)
    base_n <- vapply(cols, function(c) sum(asked & c$members), 0)
    base_e <- vapply(cols, function(c) kish(w[asked & c$members]), 0)
    counts <- t(sapply(seq_along(labs), function(k) vapply(cols, function(c) sum(w[asked & c$members & chosen[, k]]), 0)))
    letters <- lapply(seq_along(labs), function(k) rep(list(character(0)), length(cols)))
    for (k in seq_along(labs)) for (g in groups_of(cols)) {
      idx <- g[base_n[g] > 0 & base_e[g] > 0]
      share <- function(c) counts[k, c] / base_w[c]
      got <- group_letters(length(cols), labels, idx, tests,
        function(a, b) list(p = z_p(share(a), base_e[a], share(b), base_e[b]), diff = share(a) - share(b)),
        function(c) {
          keep <- asked & !cols[[c]]$members
          if (!(sum(w[keep]) > 0)) return(NULL)
          pr <- sum(w[keep & chosen[, k]]) / sum(w[keep])
          list(p = z_p(share(c), base_e[c], pr, kish(w[keep])), diff = share(c) - pr)
        })
      for (c in g) letters[[k]][[c]] <- got[[c]]
    }
    obj(question = str(id), type = str(type), rows = strs(labs),
        counts = mat(counts), colPercents = mat(100 * sweep(counts, 2, base_w, "/")),
        bases = obj(unweighted = vec(base_n), weighted = vec(base_w), effective = vec(base_e)),
        letters = arr(vapply(letters, cells, "")), scale = scale)
  }
  tab_book <- function(name, file, d, banner, rows, tests, weight = NULL, filter = NULL) {
    if (!is.null(filter)) d <- d[d[[filter$column]] %in% filter$values, ]
    w <- if (is.null(weight)) rep(1, nrow(d)) else d[[weight]]
    cols <- book_columns(d, banner)
    tables <- vapply(rows, function(r) {
      if (r$type == "numeric") numeric_table(d, w, cols, r$id, tests)
      else if (r$type == "scale") categorical_table(d, w, cols, r$id, tests, nets = r$nets,
        scale = numeric_table(d, w, cols, r$id, tests, "scale", r$scores))
      else if (r$type == "multi") categorical_table(d, w, cols, r$id, tests, r$options,
        sapply(r$options, function(o) { v <- d[[r$columns[[o]]]]; ifelse(is.na(v), NA, r$chosen(v)) }))
      else categorical_table(d, w, cols, r$id, tests)
    }, "")
    obj(name = str(name), file = str(file), weight = if (is.null(weight)) "null" else str(weight),
        filter = if (is.null(filter)) "null" else obj(column = str(filter$column), values = strs(filter$values)),
        banner = strs(banner),
        tests = obj(level = num(tests$level), lowerLevel = if (is.null(tests$lowerLevel)) "null" else num(tests$lowerLevel),
                    compare = str(tests$compare), correction = str(tests$correction)),
        nets = if (any(vapply(rows, function(r) !is.null(r$nets), TRUE))) str("top2bottom2") else "null",
        columns = arr(vapply(cols, function(c) obj(group = str(c$group), label = str(c$label)), "")),
        tables = arr(tables))
  }
  num_row <- function(id) list(id = id, type = "numeric")
  cat_row <- function(id) list(id = id, type = "single")
  masc_scale <- c("Very masculine" = 4, "Somewhat masculine" = 3, "Not very masculine" = 2,
                  "Not at all masculine" = 1, "No answer" = NA)
  masc_importance <- c("Very important" = 4, "Somewhat important" = 3, "Not too important" = 2,
                       "Not at all important" = 1, "No answer" = NA)
  q4_columns <- as.list(setNames(unname(masc_q4), names(masc_q4)))
  t95_90_bh <- list(level = 0.95, lowerLevel = 0.90, compare = "group", correction = "bh")
  books <- c(
    tab_book("hdv2003 weighted by poids: sexe + qualif, group, BH, 95/90", H, hdv, c("sexe", "qualif"),
             list(num_row("age"), num_row("freres.soeurs"), num_row("heures.tv"), cat_row("nivetud")),
             t95_90_bh, "poids"),
    tab_book("hdv2003 unweighted: sexe + qualif, group, no correction", H, hdv, c("sexe", "qualif"),
             list(num_row("age"), num_row("freres.soeurs"), num_row("heures.tv"), cat_row("clso")),
             list(level = 0.95, lowerLevel = NULL, compare = "group", correction = "none")),
    tab_book("hdv2003 weighted: sexe + occup, rest of sample, Bonferroni, 95/90", H, hdv, c("sexe", "occup"),
             list(num_row("heures.tv"), num_row("age"), cat_row("trav.satisf")),
             list(level = 0.95, lowerLevel = 0.90, compare = "rest", correction = "bonferroni"), "poids"),
    tab_book("hdv2003 weighted, filter sexe = Femme: qualif, group, Bonferroni", H, hdv, c("qualif"),
             list(num_row("age"), num_row("heures.tv"), cat_row("relig")),
             list(level = 0.95, lowerLevel = NULL, compare = "group", correction = "bonferroni"), "poids",
             list(column = "sexe", values = c("Femme"))),
    tab_book("masculinity weighted: age3 + racethn4, group, BH, 95/90", M, masc, c("age3", "racethn4"),
             list(list(id = "q0001", type = "scale", scores = masc_scale,
                       nets = list("Top 2 box" = c("Very masculine", "Somewhat masculine"),
                                   "Bottom 2 box" = c("Not at all masculine", "Not very masculine"))),
                  list(id = "q0002", type = "scale", scores = masc_importance,
                       nets = list("Top 2 box" = c("Very important", "Somewhat important"),
                                   "Bottom 2 box" = c("Not at all important", "Not too important"))),
                  list(id = "q0004", type = "multi", options = names(masc_q4), columns = q4_columns,
                       chosen = function(v) v != "Not selected"),
                  cat_row("q0005")),
             t95_90_bh, "weight"),
    tab_book("masculinity weighted: age3, rest of sample, no correction", M, masc, c("age3"),
             list(list(id = "q0001", type = "scale", scores = masc_scale), cat_row("q0005")),
             list(level = 0.95, lowerLevel = NULL, compare = "rest", correction = "none"), "weight")
  )
  writeLines(paste0(obj(generator = str(R.version.string), books = arr(books)), "\n"), tabs_out)
}

# ---- Tables of counts (tests/core/counts/reference.test.ts) ---------------------
# Written to the fourth argument. Each case is the text a user pastes on the
# counts page and the matrix it stands for; counts from percents are
# percent × base / 100, unrounded. Base R only:
#   chi-square      chisq.test(correct = FALSE), p by pchisq(lower.tail = FALSE)
#   letters         letters_for above (pooled z, Bonferroni within each row), on the column bases
#   intervals       Wilson 95% of each column percent on its column base, by formula, checked
#                   against prop.test(correct = FALSE) where the count is a whole number
if (length(args) >= 4) {
  counts_out <- args[[4]]
  jstr <- function(x) gsub("\t", "\\t", gsub("\n", "\\n", str(x), fixed = TRUE), fixed = TRUE)
  wilson <- function(p, n, z = qnorm(0.975)) {
    z2n <- z^2 / n
    centre <- (p + z2n / 2) / (1 + z2n)
    half <- z * sqrt(p * (1 - p) / n + z2n / (4 * n)) / (1 + z2n)
    c(ifelse(p == 0, 0, pmax(0, centre - half)), ifelse(p == 1, 1, pmin(1, centre + half)))
  }
  counts_case <- function(name, text, counts, colBases = colSums(counts), chi = TRUE) {
    props <- sweep(counts, 2, colBases, "/")
    low <- high <- props
    for (r in seq_len(nrow(counts))) for (c in seq_len(ncol(counts))) {
      w <- wilson(props[r, c], colBases[c])
      low[r, c] <- w[1]
      high[r, c] <- w[2]
      x <- counts[r, c]
      if (x == round(x)) {
        pt <- suppressWarnings(prop.test(x, colBases[c], correct = FALSE))$conf.int
        stopifnot(isTRUE(all.equal(c(w[1], w[2]), as.numeric(pt), tolerance = 1e-12)))
      }
    }
    tests <- t(apply(props, 1, function(p) letters_for(p, colBases)))
    chiSquare <- "null"
    below5 <- "null"
    if (chi) {
      cs <- suppressWarnings(chisq.test(counts, correct = FALSE))
      expected <- outer(rowSums(counts), colSums(counts)) / sum(counts)
      chiSquare <- obj(statistic = num(unname(cs$statistic)), df = num(unname(cs$parameter)),
                       p = num(pchisq(unname(cs$statistic), unname(cs$parameter), lower.tail = FALSE)))
      below5 <- num(sum(expected < 5))
    }
    obj(name = str(name), text = jstr(text), counts = mat(counts), colBases = vec(colBases),
        colPercents = mat(100 * props), chiSquare = chiSquare, expectedBelow5 = below5,
        tests = arr(apply(tests, 1, strs)), low = mat(100 * low), high = mat(100 * high))
  }
  from_col_percents <- function(p, bases) sweep(p, 2, bases, "*") / 100
  from_row_percents <- function(p, bases) sweep(p, 1, bases, "*") / 100
  row_pct <- from_row_percents(rbind(c(52, 41, 7), c(44, 49, 7), c(31, 58, 11)), c(320, 410, 270))
  cases <- c(
    counts_case("daily use by age: counts, tab-separated (2 x 3)",
                "\t18-24\t25-34\t35+\nDaily\t62\t48\t25\nNot daily\t18\t32\t45\n",
                rbind(c(62, 48, 25), c(18, 32, 45))),
    counts_case("satisfaction by channel: counts, semicolons (4 x 3)",
                "Satisfaction;Online;Phone;In store\nVery satisfied;120;64;88\nFairly satisfied;210;150;140\nNot very satisfied;45;52;30\nNot at all satisfied;15;34;12\n",
                rbind(c(120, 64, 88), c(210, 150, 140), c(45, 52, 30), c(15, 34, 12))),
    counts_case("region: counts with thousands separators, a Total row and a Total column",
                "Region,North,South,East,Total\nVery satisfied,\"1,234\",987,\"1,045\",\"3,266\"\nSatisfied,\"2,310\",\"2,045\",\"1,876\",\"6,231\"\nNot satisfied,456,612,398,\"1,466\"\nTotal,\"4,000\",\"3,644\",\"3,319\",\"10,963\"\n",
                rbind(c(1234, 987, 1045), c(2310, 2045, 1876), c(456, 612, 398))),
    counts_case("small counts: expected counts below 5 (2 x 2)",
                "Tried it,Trial,Control\nYes,3,1\nNo,2,6\n",
                rbind(c(3, 1), c(2, 6))),
    counts_case("column percents with a Base row: decimal commas, dot thousands (reconstructed)",
                ";Men;Women\nYes;45,5%;38,2%\nNo;54,5%;61,8%\nBase;1.211;989\n",
                from_col_percents(rbind(c(45.5, 38.2), c(54.5, 61.8)), c(1211, 989)), c(1211, 989)),
    counts_case("row percents with a Base column (reconstructed)",
                "Age\tYes\tNo\tDon't know\tBase\n18-34\t52%\t41%\t7%\t320\n35-54\t44%\t49%\t7%\t410\n55+\t31%\t58%\t11%\t270\n",
                row_pct),
    counts_case("several answers each: column percents over 100% (no chi-square)",
                "Apps used,Men,Women\nWeChat,81%,85%\nQQ,52%,44%\nWeibo,30%,41%\nn,400,380\n",
                from_col_percents(rbind(c(81, 85), c(52, 44), c(30, 41)), c(400, 380)), c(400, 380),
                chi = FALSE)
  )
  writeLines(paste0(obj(generator = str(R.version.string), cases = arr(cases)), "\n"), counts_out)
}
