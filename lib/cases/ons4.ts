// The ONS4 wellbeing answers as a form posts them: each 0 to 10 or not answered. An empty box is
// "not answered", never 0; "5.5" is refused with a message, never stored as 5.
import { optionalWholeNumber } from '@/lib/forms';

export const ons4Score = (question: string) => optionalWholeNumber(question, 0, 10);

export const ons4Fields = {
  lifeSatisfaction: ons4Score('Life satisfaction'),
  worthwhile: ons4Score('Worthwhile'),
  happiness: ons4Score('Happiness'),
  anxiety: ons4Score('Anxiety'),
};
