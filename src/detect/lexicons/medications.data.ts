/**
 * Medications: common generic names, then brand names (`generic|Brand|Brand`), hand-built from widely
 * prescribed US outpatient and inpatient drugs. Matched case-insensitively on word boundaries. Brand
 * names that are also personal names or everyday words ("Allegra", "Plan B") are checked at run time
 * against the name lexicons and then need a dose or a medication context.
 */
export default `
acetaminophen|Tylenol|APAP|paracetamol
ibuprofen|Advil|Motrin
naproxen|Aleve|Naprosyn
aspirin|?ASA|Bayer aspirin|baby aspirin
celecoxib|Celebrex
meloxicam|Mobic
diclofenac|Voltaren
ketorolac|Toradol
indomethacin|Indocin
tramadol|Ultram
oxycodone|OxyContin|Roxicodone|Percocet|oxycodone/acetaminophen
hydrocodone|Norco|Vicodin|hydrocodone/acetaminophen
morphine|MS Contin
hydromorphone|Dilaudid
fentanyl|Duragesic
methadone|Dolophine
buprenorphine|Suboxone|Subutex|buprenorphine/naloxone|Sublocade
naloxone|Narcan
naltrexone|Vivitrol
codeine|Tylenol with codeine
gabapentin|Neurontin
pregabalin|Lyrica
cyclobenzaprine|Flexeril
methocarbamol|Robaxin
tizanidine|Zanaflex
baclofen|Lioresal
metformin|Glucophage|metformin ER|Glumetza
glipizide|Glucotrol
glyburide|Diabeta|Micronase
glimepiride|Amaryl
pioglitazone|Actos
sitagliptin|Januvia|Janumet
linagliptin|Tradjenta
empagliflozin|Jardiance
dapagliflozin|Farxiga
canagliflozin|Invokana
semaglutide|Ozempic|Wegovy|Rybelsus
liraglutide|Victoza|Saxenda
dulaglutide|Trulicity
tirzepatide|Mounjaro|Zepbound
exenatide|Byetta|Bydureon
insulin|insulin glargine|Lantus|Basaglar|Toujeo|Semglee|insulin lispro|Humalog|insulin aspart|Novolog|insulin detemir|Levemir|insulin degludec|Tresiba|NPH insulin|Humulin|Novolin|regular insulin
lisinopril|Prinivil|Zestril
enalapril|Vasotec
benazepril|Lotensin
ramipril|Altace
quinapril|Accupril
losartan|Cozaar|Hyzaar
valsartan|Diovan
irbesartan|Avapro
olmesartan|Benicar
telmisartan|Micardis
candesartan|Atacand
sacubitril/valsartan|Entresto
amlodipine|Norvasc
nifedipine|Procardia|Adalat
diltiazem|Cardizem
verapamil|Calan
metoprolol|metoprolol tartrate|metoprolol succinate|Lopressor|Toprol XL|Toprol
atenolol|Tenormin
carvedilol|Coreg
propranolol|Inderal
bisoprolol|Zebeta
labetalol|Trandate
nebivolol|Bystolic
hydrochlorothiazide|HCTZ|Microzide
chlorthalidone|Thalitone
furosemide|Lasix
bumetanide|Bumex
torsemide|Demadex
spironolactone|Aldactone
eplerenone|Inspra
triamterene|Dyazide|Maxzide
clonidine|Catapres
hydralazine|Apresoline
isosorbide mononitrate|Imdur|isosorbide dinitrate|Isordil
nitroglycerin|Nitrostat|NTG
digoxin|Lanoxin
amiodarone|Pacerone|Cordarone
sotalol|Betapace
flecainide|Tambocor
atorvastatin|Lipitor
simvastatin|Zocor
rosuvastatin|Crestor
pravastatin|Pravachol
lovastatin|Mevacor
ezetimibe|Zetia
fenofibrate|Tricor
gemfibrozil|Lopid
evolocumab|Repatha
alirocumab|Praluent
warfarin|Coumadin|Jantoven
apixaban|Eliquis
rivaroxaban|Xarelto
dabigatran|Pradaxa
edoxaban|Savaysa
heparin|enoxaparin|Lovenox
clopidogrel|Plavix
prasugrel|Effient
ticagrelor|Brilinta
levothyroxine|Synthroid|Levoxyl|Unithroid|Euthyrox
liothyronine|Cytomel
methimazole|Tapazole
propylthiouracil|PTU
prednisone|Deltasone
prednisolone|Orapred
methylprednisolone|Medrol|Solu-Medrol
dexamethasone|Decadron
hydrocortisone|Cortef
fludrocortisone|Florinef
albuterol|ProAir|Proventil|Ventolin|salbutamol
levalbuterol|Xopenex
ipratropium|Atrovent
tiotropium|Spiriva
fluticasone|Flovent|Flonase
fluticasone/salmeterol|Advair|Wixela
budesonide/formoterol|Symbicort
fluticasone/vilanterol|Breo Ellipta|Breo
budesonide|Pulmicort|Entocort
mometasone|Nasonex|Asmanex
montelukast|Singulair
omalizumab|Xolair
dupilumab|Dupixent
cetirizine|Zyrtec
loratadine|Claritin
fexofenadine|Allegra
diphenhydramine|Benadryl
hydroxyzine|Atarax|Vistaril
omeprazole|Prilosec
esomeprazole|Nexium
pantoprazole|Protonix
lansoprazole|Prevacid
famotidine|Pepcid
ranitidine|Zantac
sucralfate|Carafate
ondansetron|Zofran
promethazine|Phenergan
metoclopramide|Reglan
prochlorperazine|Compazine
docusate|Colace
senna|Senokot
polyethylene glycol|MiraLAX|GoLYTELY
bisacodyl|Dulcolax
lactulose|Enulose
loperamide|Imodium
dicyclomine|Bentyl
mesalamine|Lialda|Asacol|Pentasa
infliximab|Remicade
adalimumab|Humira
etanercept|Enbrel
ustekinumab|Stelara
vedolizumab|Entyvio
certolizumab|Cimzia
tofacitinib|Xeljanz
upadacitinib|Rinvoq
methotrexate|Trexall|Otrexup
hydroxychloroquine|Plaquenil
sulfasalazine|Azulfidine
leflunomide|Arava
azathioprine|Imuran
mycophenolate|CellCept|Myfortic
tacrolimus|Prograf
cyclosporine|Neoral|Sandimmune
sirolimus|Rapamune
allopurinol|Zyloprim
febuxostat|Uloric
colchicine|Colcrys|Mitigare
alendronate|Fosamax
risedronate|Actonel
ibandronate|Boniva
zoledronic acid|Reclast|Zometa
denosumab|Prolia|Xgeva
teriparatide|Forteo
sertraline|Zoloft
fluoxetine|Prozac
paroxetine|Paxil
citalopram|Celexa
escitalopram|Lexapro
venlafaxine|Effexor
desvenlafaxine|Pristiq
duloxetine|Cymbalta
bupropion|Wellbutrin|Zyban
mirtazapine|Remeron
trazodone|Desyrel
amitriptyline|Elavil
nortriptyline|Pamelor
vortioxetine|Trintellix
buspirone|Buspar
lithium|lithium carbonate|Lithobid
lamotrigine|Lamictal
valproate|valproic acid|divalproex|Depakote
carbamazepine|Tegretol
oxcarbazepine|Trileptal
levetiracetam|Keppra
topiramate|Topamax
phenytoin|Dilantin
lacosamide|Vimpat
zonisamide|Zonegran
quetiapine|Seroquel
olanzapine|Zyprexa
risperidone|Risperdal
aripiprazole|Abilify
ziprasidone|Geodon
haloperidol|Haldol
clozapine|Clozaril
lurasidone|Latuda
paliperidone|Invega
alprazolam|Xanax
lorazepam|Ativan
clonazepam|Klonopin
diazepam|Valium
temazepam|Restoril
zolpidem|Ambien
eszopiclone|Lunesta
melatonin
methylphenidate|Ritalin|Concerta
amphetamine|dextroamphetamine|amphetamine/dextroamphetamine|Adderall
lisdexamfetamine|Vyvanse
atomoxetine|Strattera
guanfacine|Intuniv|~Tenex
donepezil|Aricept
memantine|Namenda
rivastigmine|~Exelon
carbidopa/levodopa|Sinemet|levodopa
pramipexole|Mirapex
ropinirole|Requip
sumatriptan|Imitrex
rizatriptan|Maxalt
topiramate ER|Trokendi
erenumab|Aimovig
amoxicillin|Amoxil
amoxicillin/clavulanate|Augmentin
penicillin|penicillin VK|Bicillin|PCN
ampicillin
cephalexin|Keflex
cefdinir|Omnicef
cefuroxime|Ceftin
ceftriaxone|Rocephin
cefepime|Maxipime
cefazolin|Ancef
azithromycin|Zithromax|Z-Pak|Zpak
clarithromycin|Biaxin
erythromycin
doxycycline|Vibramycin|Doryx
minocycline|Minocin
ciprofloxacin|Cipro
levofloxacin|Levaquin
moxifloxacin|Avelox
sulfamethoxazole/trimethoprim|sulfa|sulfa drugs|trimethoprim-sulfamethoxazole|Bactrim|Septra|TMP-SMX
nitrofurantoin|Macrobid|Macrodantin
metronidazole|Flagyl
clindamycin|Cleocin
vancomycin|Vancocin
linezolid|Zyvox
piperacillin/tazobactam|Zosyn
meropenem|Merrem
gentamicin
rifampin|Rifadin
isoniazid|INH
fluconazole|Diflucan
nystatin
terbinafine|Lamisil
acyclovir|Zovirax
valacyclovir|Valtrex
oseltamivir|Tamiflu
nirmatrelvir/ritonavir|Paxlovid
remdesivir|Veklury
molnupiravir|Lagevrio
bictegravir/emtricitabine/tenofovir|Biktarvy
emtricitabine/tenofovir|Truvada|Descovy
dolutegravir|Tivicay
efavirenz|Sustiva
tenofovir|Viread|Vemlidy
sofosbuvir/velpatasvir|Epclusa
ledipasvir/sofosbuvir|Harvoni
glecaprevir/pibrentasvir|Mavyret
ivermectin|Stromectol
estradiol|Estrace|Premarin|conjugated estrogens
medroxyprogesterone|Provera|Depo-Provera
norethindrone|Aygestin
levonorgestrel|~Plan B|Mirena|Kyleena
ethinyl estradiol/norgestimate|Sprintec|oral contraceptive
etonogestrel|Nexplanon|NuvaRing
progesterone|Prometrium
testosterone|AndroGel|testosterone cypionate|Depo-Testosterone
finasteride|Proscar|Propecia
tamsulosin|Flomax
oxybutynin|Ditropan
tolterodine|Detrol
mirabegron|Myrbetriq
sildenafil|Viagra|Revatio
tadalafil|Cialis
tamoxifen|Nolvadex
anastrozole|Arimidex
letrozole|Femara
exemestane|Aromasin
trastuzumab|Herceptin
pembrolizumab|Keytruda
nivolumab|Opdivo
bevacizumab|Avastin
rituximab|Rituxan
cisplatin|carboplatin|oxaliplatin|paclitaxel|Taxol|docetaxel|Taxotere|doxorubicin|Adriamycin|cyclophosphamide|Cytoxan|fluorouracil|5-FU|capecitabine|Xeloda|gemcitabine|Gemzar|imatinib|Gleevec|ibrutinib|Imbruvica|lenalidomide|Revlimid|osimertinib|Tagrisso|palbociclib|Ibrance|olaparib|Lynparza|enzalutamide|Xtandi|abiraterone|Zytiga|leuprolide|Lupron
epoetin alfa|Epogen|Procrit|darbepoetin|Aranesp
filgrastim|Neupogen|pegfilgrastim|Neulasta
ferrous sulfate|iron sulfate|iron supplement|ferrous gluconate
folic acid|folate
cyanocobalamin|vitamin B12 injection
vitamin D3|cholecalciferol|ergocalciferol
potassium chloride|KCl|K-Dur|Klor-Con
magnesium oxide|Mag-Ox
calcium carbonate|~Tums|Os-Cal
sevelamer|Renvela
calcitriol|Rocaltrol
cinacalcet|Sensipar
sodium bicarbonate
epinephrine|EpiPen|Adrenalin
glucagon|Baqsimi
lidocaine|Xylocaine|Lidoderm
bupivacaine|Marcaine
propofol|Diprivan
ketamine|Ketalar
midazolam|Versed
succinylcholine
rocuronium
varenicline|Chantix
nicotine patch|nicotine gum|Nicoderm|Nicorette
disulfiram|Antabuse
acamprosate|Campral
adalimumab-atto|Amjevita
infliximab-dyyb|Inflectra
botulinum toxin|Botox
hyaluronic acid|Synvisc
latanoprost|Xalatan
timolol|Timoptic
brimonidine|Alphagan
dorzolamide|Trusopt
prednisolone acetate|Pred Forte
triamcinolone|Kenalog|Nasacort
clobetasol|Temovate
mupirocin|Bactroban
silver sulfadiazine|Silvadene
isotretinoin|Accutane|Absorica
tretinoin|Retin-A
`;
