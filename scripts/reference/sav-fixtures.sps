* Survey Workbench: SPSS system files for tests/fixtures/sav, written by GNU PSPP.
* Run by make-sav-fixtures.sh in a scratch folder holding hdv2003.csv, starwars-input.csv,
* strings.csv, latin.csv and chinese.csv (see that script). Each file exercises
* records the reader must understand; the comments say which.

* ---- hdv2003: the first 200 respondents of questionr's hdv2003 -----------------
* Numeric variables with value labels in a non-alphabetical code order, a string
* variable (occup), variable labels with accents, long variable names (subtype 13),
* discrete, range and range+discrete missing values, WEIGHT BY, a dichotomy set
* ($loisirs, counted value 1), measurement levels (subtype 11), a document and a
* file label. Written uncompressed, bytecode-compressed and zlib-compressed.
SET LOCALE='UTF-8'.
GET DATA /TYPE=TXT /FILE='hdv2003.csv' /ENCODING='UTF-8' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=id F8.0 age F3.0 s_sexe A10 s_nivetud A80 poids F16.7 occup A40 s_qualif A40
    freres.soeurs F3.0 s_clso A20 s_relig A40 s_travimp A40 s_travsat A20
    s_hr A3 s_bd A3 s_pc A3 s_cu A3 s_br A3 s_ci A3 s_sp A3 heures.tv F5.1.
RECODE s_sexe ('Homme'=1) ('Femme'=2) INTO sexe.
RECODE s_nivetud ("N'a jamais fait d'etudes"=1)
  ("A arrete ses etudes, avant la derniere annee d'etudes primaires"=2)
  ("Derniere annee d'etudes primaires"=3) ('1er cycle'=4) ('2eme cycle'=5)
  ('Enseignement technique ou professionnel court'=6)
  ('Enseignement technique ou professionnel long'=7)
  ('Enseignement superieur y compris technique superieur'=8) INTO nivetud.
RECODE s_qualif ('Ouvrier specialise'=1) ('Ouvrier qualifie'=2) ('Technicien'=3)
  ('Profession intermediaire'=4) ('Cadre'=5) ('Employe'=6) ('Autre'=7) INTO qualif.
RECODE s_clso ('Oui'=1) ('Non'=2) ('Ne sait pas'=8) INTO clso.
RECODE s_relig ('Pratiquant regulier'=1) ('Pratiquant occasionnel'=2)
  ('Appartenance sans pratique'=3) ('Ni croyance ni appartenance'=4) ('Rejet'=5)
  ('NSP ou NVPR'=9) INTO relig.
RECODE s_travimp ('Le plus important'=1) ('Aussi important que le reste'=2)
  ('Moins important que le reste'=3) ('Peu important'=4) INTO trav.imp.
RECODE s_travsat ('Satisfaction'=1) ('Insatisfaction'=2) ('Equilibre'=3) INTO trav.satisf.
RECODE s_hr s_bd s_pc s_cu s_br s_ci s_sp ('Oui'=1) ('Non'=0)
  INTO hard.rock lecture.bd peche.chasse cuisine bricol cinema sport.
FORMATS sexe nivetud qualif clso relig trav.imp trav.satisf
  hard.rock lecture.bd peche.chasse cuisine bricol cinema sport (F1.0).
VALUE LABELS sexe 1 'Homme' 2 'Femme'
  /nivetud 1 "N'a jamais fait d'etudes"
    2 "A arrete ses etudes, avant la derniere annee d'etudes primaires"
    3 "Derniere annee d'etudes primaires" 4 '1er cycle' 5 '2eme cycle'
    6 'Enseignement technique ou professionnel court'
    7 'Enseignement technique ou professionnel long'
    8 'Enseignement superieur y compris technique superieur'
  /qualif 1 'Ouvrier specialise' 2 'Ouvrier qualifie' 3 'Technicien'
    4 'Profession intermediaire' 5 'Cadre' 6 'Employe' 7 'Autre'
  /clso 1 'Oui' 2 'Non' 8 'Ne sait pas'
  /relig 1 'Pratiquant regulier' 2 'Pratiquant occasionnel' 3 'Appartenance sans pratique'
    4 'Ni croyance ni appartenance' 5 'Rejet' 9 'NSP ou NVPR'
  /trav.imp 1 'Le plus important' 2 'Aussi important que le reste'
    3 'Moins important que le reste' 4 'Peu important'
  /trav.satisf 1 'Satisfaction' 2 'Insatisfaction' 3 'Equilibre'
  /hard.rock lecture.bd peche.chasse cuisine bricol cinema sport 0 'Non' 1 'Oui'.
MISSING VALUES qualif (7) /relig (9) /clso (8 THRU 9) /freres.soeurs (15 THRU HIGHEST)
  /heures.tv (LOWEST THRU -1, 99).
VARIABLE LABELS id 'Identifiant' age 'Âge' sexe 'Sexe' nivetud "Niveau d'études"
  poids 'Pondération' occup 'Occupation actuelle' qualif 'Qualification'
  freres.soeurs 'Nombre de frères et sœurs'
  clso "Sentiment d'appartenance à une classe sociale"
  relig 'Pratique et croyance religieuse' trav.imp 'Importance du travail'
  trav.satisf 'Satisfaction au travail' hard.rock 'Écoute du hard rock'
  lecture.bd 'Lecture de bandes dessinées' peche.chasse 'Pêche ou chasse'
  cuisine 'Cuisine' bricol 'Bricolage' cinema 'Cinéma' sport 'Sport'
  heures.tv 'Heures de télévision par jour'.
VARIABLE LEVEL sexe occup clso relig (NOMINAL) /nivetud qualif trav.imp trav.satisf (ORDINAL)
  /id age poids freres.soeurs heures.tv (SCALE).
MRSETS /MDGROUP NAME=$loisirs LABEL='Loisirs pratiqués'
  VARIABLES=hard.rock lecture.bd peche.chasse cuisine bricol cinema sport VALUE=1.
WEIGHT BY poids.
FILE LABEL 'French lifestyles (hdv2003): first 200 respondents'.
DOCUMENT 'From the R package questionr (hdv2003, GPL >= 2).'.
SAVE /OUTFILE='hdv2003.sav' /UNCOMPRESSED
  /KEEP=id age sexe nivetud poids occup qualif freres.soeurs clso relig trav.imp trav.satisf
    hard.rock lecture.bd peche.chasse cuisine bricol cinema sport heures.tv.
SAVE /OUTFILE='hdv2003-compressed.sav' /COMPRESSED
  /KEEP=id age sexe nivetud poids occup qualif freres.soeurs clso relig trav.imp trav.satisf
    hard.rock lecture.bd peche.chasse cuisine bricol cinema sport heures.tv.
SAVE /OUTFILE='hdv2003.zsav' /ZCOMPRESSED
  /KEEP=id age sexe nivetud poids occup qualif freres.soeurs clso relig trav.imp trav.satisf
    hard.rock lecture.bd peche.chasse cuisine bricol cinema sport heures.tv.

* ---- starwars: the first 300 respondents of FiveThirtyEight's Star Wars survey --
* A category set ($seenlist: six variables holding the codes of the films seen, in
* order), a dichotomy set named by counted values' labels ($films: "E 1"), one whose
* label is its first variable's label ($fans: "E 11"), short and long string
* variables without labels. Bytecode-compressed. Its CSV is written by PSPP from the
* same cases (value labels as cells), the file the .sav is compared with.
NEW FILE.
GET DATA /TYPE=TXT /FILE='starwars-input.csv' /ENCODING='windows-1252' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=1 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=RespondentID F12.0 s_seen A3 s_fan A3
    s_f1 A60 s_f2 A60 s_f3 A60 s_f4 A60 s_f5 A60 s_f6 A60
    r1 F2.0 r2 F2.0 r3 F2.0 r4 F2.0 r5 F2.0 r6 F2.0
    c1 A30 c2 A30 c3 A30 c4 A30 c5 A30 c6 A30 c7 A30 c8 A30 c9 A30 c10 A30 c11 A30 c12 A30
    c13 A30 c14 A30
    shot A40 s_eu A3 s_eufan A3 s_trek A3 gender A6 s_age A6 income A20 s_educ A40
    location A20.
RECODE s_seen ('Yes'=1) ('No'=2) INTO seen.
RECODE s_fan ('Yes'=1) ('No'=2) INTO fan_sw.
RECODE s_eufan ('Yes'=1) ('No'=2) INTO fan_eu.
RECODE s_trek ('Yes'=1) ('No'=2) INTO fan_st.
RECODE s_age ('18-29'=1) ('30-44'=2) ('45-60'=3) ('> 60'=4) INTO age.
RECODE s_educ ('Less than high school degree'=1) ('High school degree'=2)
  ('Some college or Associate degree'=3) ('Bachelor degree'=4) ('Graduate degree'=5) INTO educ.
VECTOR titles = s_f1 TO s_f6.
VECTOR film(6, F1.0).
VECTOR seen_(6, F1.0).
COMPUTE #k = 0.
LOOP #i = 1 TO 6.
+ DO IF seen = 1.
+   COMPUTE film(#i) = (RTRIM(titles(#i)) <> '').
+   DO IF film(#i) = 1.
+     COMPUTE #k = #k + 1.
+     COMPUTE seen_(#k) = #i.
+   END IF.
+ END IF.
END LOOP.
FORMATS seen fan_sw fan_eu fan_st age educ (F1.0).
VALUE LABELS seen 1 'Yes' 2 'No'
  /fan_sw 1 'Star Wars' 2 'Not a Star Wars fan'
  /fan_eu 1 'Expanded Universe' 2 'Not an Expanded Universe fan'
  /fan_st 1 'Star Trek' 2 'Not a Star Trek fan'
  /age 1 '18-29' 2 '30-44' 3 '45-60' 4 '> 60'
  /educ 1 'Less than high school degree' 2 'High school degree'
    3 'Some college or Associate degree' 4 'Bachelor degree' 5 'Graduate degree'
  /film1 1 'The Phantom Menace' 0 'Not seen' /film2 1 'Attack of the Clones' 0 'Not seen'
  /film3 1 'Revenge of the Sith' 0 'Not seen' /film4 1 'A New Hope' 0 'Not seen'
  /film5 1 'The Empire Strikes Back' 0 'Not seen' /film6 1 'Return of the Jedi' 0 'Not seen'
  /seen_1 TO seen_6 1 'The Phantom Menace' 2 'Attack of the Clones' 3 'Revenge of the Sith'
    4 'A New Hope' 5 'The Empire Strikes Back' 6 'Return of the Jedi'.
VARIABLE LABELS seen 'Have you seen any of the 6 films in the Star Wars franchise?'
  fan_sw 'Do you consider yourself to be a fan of the Star Wars film franchise?'
  fan_eu 'Do you consider yourself to be a fan of the Expanded Universe?'
  fan_st 'Do you consider yourself to be a fan of the Star Trek franchise?'
  shot 'Which character shot first?' gender 'Gender' age 'Age' income 'Household Income'
  educ 'Education' location 'Location (Census Region)'
  film1 'Seen: Episode I' film2 'Seen: Episode II' film3 'Seen: Episode III'
  film4 'Seen: Episode IV' film5 'Seen: Episode V' film6 'Seen: Episode VI'
  seen_1 'First film seen' seen_2 'Second film seen' seen_3 'Third film seen'
  seen_4 'Fourth film seen' seen_5 'Fifth film seen' seen_6 'Sixth film seen'.
MRSETS
  /MCGROUP NAME=$seenlist LABEL='Which of the following Star Wars films have you seen?'
    VARIABLES=seen_1 seen_2 seen_3 seen_4 seen_5 seen_6
  /MDGROUP NAME=$films LABEL='Films seen' CATEGORYLABELS=COUNTEDVALUES
    VARIABLES=film1 film2 film3 film4 film5 film6 VALUE=1
  /MDGROUP NAME=$fans CATEGORYLABELS=COUNTEDVALUES LABELSOURCE=VARLABEL
    VARIABLES=fan_sw fan_eu fan_st VALUE=1.
SAVE /OUTFILE='starwars.sav' /COMPRESSED
  /KEEP=RespondentID seen fan_sw film1 TO film6 seen_1 TO seen_6 shot fan_eu fan_st gender
    age income educ location.
SAVE TRANSLATE /OUTFILE='starwars.csv' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE
  /KEEP=RespondentID seen fan_sw film1 TO film6 seen_1 TO seen_6 shot fan_eu fan_st gender
    age income educ location.

* ---- strings: a small synthetic file of string variables -------------------------
* A short string with a user-missing value ('?') and CJK text; a long string (A12)
* with value labels (subtype 21) and missing values (subtype 22); free text (A40,
* continuation records); a very long string (A600: subtype 14, three segments) whose
* text crosses segment boundaries mid-character; a dichotomy set of string variables
* counted as 'Yes' ($drinks); a category set of short strings ($colours); a numeric
* variable with labels on some codes only; a long variable name.
NEW FILE.
GET DATA /TYPE=TXT /FILE='strings.csv' /ENCODING='UTF-8' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=id F4.0 city A6 answer A12 comment A40 essay A600 tea A3 coffee A3 juice A3
    pick1 A8 pick2 A8 rating F2.0 satisfaction_with_service F1.0 score F3.0.
MISSING VALUES city ('?') /answer ('skip') /score (90 THRU 99, -1).
VALUE LABELS answer 'agree' 'I agree' 'disagree' 'I disagree' 'unsure' 'Not sure'
  /pick1 pick2 'red' 'Red' 'green' 'Green' 'blue' 'Blue'
  /rating 1 'Bad' 5 'Good'
  /satisfaction_with_service 1 'Unhappy' 2 'Neutral' 3 'Happy'.
VARIABLE LABELS city 'City' answer 'Do you agree?' comment 'Any comment?'
  essay 'Tell us more' tea 'Tea' coffee 'Coffee' juice 'Juice'
  satisfaction_with_service 'How satisfied are you with the service?'.
MRSETS /MDGROUP NAME=$drinks LABEL='Drinks you like' VARIABLES=tea coffee juice VALUE='Yes'
  /MCGROUP NAME=$colours LABEL='Favourite colours' VARIABLES=pick1 pick2.
SAVE /OUTFILE='strings.sav' /UNCOMPRESSED.

* ---- Windows-1252 and GBK text ---------------------------------------------------
SET LOCALE='windows-1252'.
NEW FILE.
GET DATA /TYPE=TXT /FILE='latin.csv' /ENCODING='UTF-8' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=id F4.0 ville A12 s_sexe A1.
RECODE s_sexe ('F'=1) ('H'=2) INTO sexe.
FORMATS sexe (F1.0).
VALUE LABELS sexe 1 'Féminin' 2 'Masculin'.
VARIABLE LABELS ville 'Ville où vous habitez' sexe 'Êtes-vous…'.
SAVE /OUTFILE='latin1252.sav' /KEEP=id ville sexe.

SET LOCALE='GBK'.
NEW FILE.
GET DATA /TYPE=TXT /FILE='chinese.csv' /ENCODING='UTF-8' /ARRANGEMENT=DELIMITED
  /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS="," /QUALIFIER='"'
  /VARIABLES=id F4.0 city A12 s_sex A3.
RECODE s_sex ('男'=1) ('女'=2) INTO sex.
FORMATS sex (F1.0).
VALUE LABELS sex 1 '男' 2 '女'.
VARIABLE LABELS city '您住在哪个城市？' sex '性别'.
SAVE /OUTFILE='chinese-gbk.sav' /KEEP=id city sex.
