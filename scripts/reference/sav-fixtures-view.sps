* PSPP's own view of the fixtures made by sav-fixtures.sps: the figures the tests
* compare the reader's crosstabs with (run by make-sav-fixtures.sh, which keeps
* the output as CSV for the tests and as text for people). PSPP 1.6 has neither
* CTABLES nor MULT RESPONSE, so each option of a multiple-response set is counted
* here as an indicator variable ("chose option k") cross-tabulated like any other.
GET FILE='hdv2003.sav'.
MRSETS /DISPLAY NAME=ALL.
WEIGHT OFF.
CROSSTABS /TABLES=qualif relig nivetud BY sexe /CELLS=COUNT.
CROSSTABS /TABLES=relig BY clso /CELLS=COUNT.
CROSSTABS /TABLES=hard.rock lecture.bd peche.chasse cuisine bricol cinema sport BY sexe
  /CELLS=COUNT.
FREQUENCIES /VARIABLES=freres.soeurs heures.tv.
WEIGHT BY poids.
CROSSTABS /TABLES=qualif BY sexe /CELLS=COUNT /FORMAT=AVALUE TABLES.

GET FILE='starwars.sav'.
MRSETS /DISPLAY NAME=ALL.
VECTOR seen = seen_1 TO seen_6.
VECTOR has(6, F1.0).
LOOP #k = 1 TO 6.
+ COMPUTE has(#k) = 0.
+ LOOP #j = 1 TO 6.
+   IF (seen(#j) = #k) has(#k) = 1.
+ END LOOP.
+ IF (NMISS(seen_1 TO seen_6) = 6) has(#k) = $SYSMIS.
END LOOP.
VARIABLE LABELS has1 '$seenlist: The Phantom Menace' has2 '$seenlist: Attack of the Clones'
  has3 '$seenlist: Revenge of the Sith' has4 '$seenlist: A New Hope'
  has5 '$seenlist: The Empire Strikes Back' has6 '$seenlist: Return of the Jedi'.
CROSSTABS /TABLES=has1 TO has6 BY gender /CELLS=COUNT.
CROSSTABS /TABLES=film1 TO film6 BY gender /CELLS=COUNT.
CROSSTABS /TABLES=fan_sw fan_eu fan_st BY age /CELLS=COUNT.
CROSSTABS /TABLES=educ BY age /CELLS=COUNT.

GET FILE='strings.sav'.
MRSETS /DISPLAY NAME=ALL.
COMPUTE red = (pick1 = 'red' OR pick2 = 'red').
COMPUTE green = (pick1 = 'green' OR pick2 = 'green').
COMPUTE blue = (pick1 = 'blue' OR pick2 = 'blue').
COMPUTE pink = (pick1 = 'pink' OR pick2 = 'pink').
VARIABLE LABELS red '$colours: Red' green '$colours: Green' blue '$colours: Blue'
  pink '$colours: pink'.
FREQUENCIES /VARIABLES=red green blue pink tea coffee juice city answer rating score.
