// The spectrum plot's empty-state text, shared by the plot and the Library's placeholder shown
// while the plot's code loads (so the panel reads the same before and after).
export const NO_SPECTRUM_SELECTED = 'Select a spectrum to plot its I(V).';
