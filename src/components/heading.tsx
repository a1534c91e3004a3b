import { createContext, useContext, type HTMLAttributes, type ReactNode } from 'react';

const HeadingLevelContext = createContext(2);

/** Sets the level of a component's top heading, so the component fits the outline of the page it sits in. */
export function HeadingLevel({ level, children }: { level: number; children: ReactNode }) {
  return <HeadingLevelContext.Provider value={level}>{children}</HeadingLevelContext.Provider>;
}

/** A heading `offset` levels below the surrounding component's top heading (h6 at the deepest). */
export function Heading({ offset = 0, ...props }: { offset?: number } & HTMLAttributes<HTMLHeadingElement>) {
  const level = Math.min(6, Math.max(1, useContext(HeadingLevelContext) + offset));
  const Tag = `h${level}` as 'h1';
  return <Tag {...props} />;
}
