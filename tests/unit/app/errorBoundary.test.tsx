/** A render error inside a panel is caught and reported, with a way to recover; the rest stays. */
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../../src/app/ErrorBoundary'

let broken = true
function Fragile() {
  if (broken) throw new Error('the details could not be drawn')
  return <p>Details are back</p>
}

afterEach(() => vi.restoreAllMocks())

describe('ErrorBoundary', () => {
  it('reports a panel failure with role alert, keeps its neighbours, and recovers on "Try again"', async () => {
    // React logs caught render errors to the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    broken = true
    render(
      <>
        <ErrorBoundary name="details">
          <Fragile />
        </ErrorBoundary>
        <p>The graph is still here</p>
      </>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The details panel failed: the details could not be drawn',
    )
    expect(screen.getByText('The graph is still here')).toBeInTheDocument()
    broken = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByText('Details are back')).toBeInTheDocument()
  })
})
